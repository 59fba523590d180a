package io.snapshotgateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.snapshotgateway.inventory.CacheState;
import io.snapshotgateway.problem.SourceProblem;
import io.snapshotgateway.protection.BreakerState;

/**
 * One entry of {@code sources[]}: how one source/region fared in this request. {@code missed_earlier_pages} is true
 * when the scope failed on an earlier page of the walk this page belongs to (absent otherwise). {@code breaker} is the
 * scope's circuit breaker now: closed, open (no vendor calls; the last inventory is served stale) or half-open.
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
        CacheState cache,
        @JsonProperty("age_seconds") Long ageSeconds,
        BreakerState breaker,
        @JsonProperty("missed_earlier_pages") Boolean missedEarlierPages,
        SourceProblem problem) {

    /** The same entry without what changes while the data does not (cache, age, breaker): what ETags cover. */
    SourceStatus content() {
        return new SourceStatus(source, provider, region, projectId, status, snapshotCount, null, null, null,
                missedEarlierPages, problem);
    }
}
