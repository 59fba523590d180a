package io.snapshotgateway.aggregation;

import java.time.Instant;

import io.snapshotgateway.Snapshot;

/** Where a snapshot stands in the listing order; a page token carries the last one it showed. */
public record SortKey(Instant createTime, String provider, String source, String region, String id) {

    public static SortKey of(Snapshot s) {
        return new SortKey(s.createTime(), s.provider().id(), nullToEmpty(s.source()), nullToEmpty(s.region()),
                nullToEmpty(s.id()));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
