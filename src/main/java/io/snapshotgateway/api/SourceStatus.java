package io.snapshotgateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.snapshotgateway.cache.CacheState;
import io.snapshotgateway.problem.SourceProblem;

/** One entry of {@code sources[]}: how one source/region fared in this request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "source", "provider", "region", "project_id", "status", "snapshot_count", "cache", "age_seconds",
        "problem" })
public record SourceStatus(
        String source,
        String provider,
        String region,
        @JsonProperty("project_id") String projectId,
        String status,
        @JsonProperty("snapshot_count") Integer snapshotCount,
        CacheState cache,
        @JsonProperty("age_seconds") Long ageSeconds,
        SourceProblem problem) {
}
