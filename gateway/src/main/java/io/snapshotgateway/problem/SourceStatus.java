package io.snapshotgateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How one source/region fared in one request: the one shape of a 200's {@code sources[]} entries and of the
 * all-sources-failed problem's {@code sources}, so a client reads both with one type. {@code status} is {@code ok}
 * (served: {@code snapshot_count}, {@code cache}, {@code age_seconds}; a {@code problem} too when the latest refresh
 * failed and the last good listing stood in) or {@code failed} (with its {@code problem}). {@code missed_earlier_pages}
 * is true when the scope failed on an earlier page of the walk this page belongs to (absent otherwise). {@code breaker}
 * is the scope's circuit breaker now: closed, open (no vendor calls) or half-open.
 *
 * <p>
 * {@code cache} and {@code breaker} are their wire spellings, not the inventory's and protection's enums: problem
 * documents sit below those layers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"source", "provider", "region", "project_id", "status", "snapshot_count", "cache", "age_seconds",
        "breaker", "missed_earlier_pages", "problem"})
public record SourceStatus(
        String source,
        String provider,
        String region,
        @JsonProperty("project_id") String projectId,
        String status,
        @JsonProperty("snapshot_count") Integer snapshotCount,
        String cache,
        @JsonProperty("age_seconds") Long ageSeconds,
        String breaker,
        @JsonProperty("missed_earlier_pages") Boolean missedEarlierPages,
        SourceProblem problem) {

    /** {@code status} of a scope served from its inventory. */
    public static final String OK = "ok";
    /** {@code status} of a scope with nothing to serve. */
    public static final String FAILED = "failed";
}
