package io.snapshotgateway.api;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.snapshotgateway.aggregation.Summary;

/**
 * The body of a 200 from {@code GET /snapshots/summary}, before its {@code sources[]} (rendered like the listing's).
 * Counts are of the snapshots matching the filters; a value that did not normalize counts as {@code unknown}. The two
 * times are null when nothing matched.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"total", "size_gib", "oldest_create_time", "newest_create_time", "by_provider", "by_source",
        "by_region", "by_status", "by_disk_type", "by_creation_type", "complete"})
public record SummaryBody(
        long total,
        @JsonProperty("size_gib") long sizeGib,
        @JsonProperty("oldest_create_time") @JsonFormat(shape = JsonFormat.Shape.STRING,
                pattern = "yyyy-MM-dd'T'HH:mm:ss'Z'", timezone = "UTC") Instant oldestCreateTime,
        @JsonProperty("newest_create_time") @JsonFormat(shape = JsonFormat.Shape.STRING,
                pattern = "yyyy-MM-dd'T'HH:mm:ss'Z'", timezone = "UTC") Instant newestCreateTime,
        @JsonProperty("by_provider") Map<String, Long> byProvider,
        @JsonProperty("by_source") Map<String, Long> bySource,
        @JsonProperty("by_region") Map<String, Long> byRegion,
        @JsonProperty("by_status") Map<String, Long> byStatus,
        @JsonProperty("by_disk_type") Map<String, Long> byDiskType,
        @JsonProperty("by_creation_type") Map<String, Long> byCreationType,
        boolean complete) {

    static SummaryBody of(Summary s) {
        return new SummaryBody(s.total(), s.sizeGib(), s.oldestCreateTime(), s.newestCreateTime(), s.byProvider(),
                s.bySource(), s.byRegion(), s.byStatus(), s.byDiskType(), s.byCreationType(), s.complete());
    }
}
