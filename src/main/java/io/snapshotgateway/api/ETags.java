package io.snapshotgateway.api;

import java.util.Arrays;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapshotgateway.provider.Hashing;

/**
 * Weak entity tags for listing pages. The tag covers what a dashboard shows (snapshots, cursor, completeness, each
 * source's status, count and problem) but not cache bookkeeping ({@code cache}, {@code age_seconds}), so the same data
 * keeps the same tag while it ages in the cache.
 */
final class ETags {
    private ETags() {
    }

    static String of(SnapshotPage page, ObjectMapper json) {
        SnapshotPage content = new SnapshotPage(page.snapshots(), page.nextPageToken(), page.complete(),
                page.sources().stream().map(s -> new SourceStatus(s.source(), s.provider(), s.region(), s.projectId(),
                        s.status(), s.snapshotCount(), null, null, s.problem())).toList());
        try {
            return "W/\"" + Hashing.sha256Hex(json.writeValueAsBytes(content)).substring(0, 32) + "\"";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a page", e);
        }
    }

    /** Whether an {@code If-None-Match} header names {@code etag} (weak comparison, as RFC 9110 asks for GET). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = etag.substring(2);
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .anyMatch(candidate -> candidate.equals("*") || candidate.equals(etag) || candidate.equals(opaque)
                        || candidate.equals("W/" + opaque));
    }
}
