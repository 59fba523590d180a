package io.snapshotgateway.api;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.snapshotgateway.aggregation.Summary;
import io.snapshotgateway.problem.SourceStatus;

/**
 * The body of a 200 from {@code GET /snapshots/summary}, before its {@code sources[]} (rendered like the listing's,
 * declared here for the OpenAPI document).
 * Counts are of the snapshots matching the filters; a value that did not normalize counts as {@code unknown}. The two
 * times are null when nothing matched.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"total", "size_gib", "oldest_create_time", "newest_create_time", "by_provider", "by_source",
        "by_region", "by_status", "by_disk_type", "by_creation_type", "complete"})
@Schema(name = "Summary", description = "Counts of the snapshots a query matches. A value that did not normalize "
        + "counts as unknown.",
        properties = @SchemaProperty(name = "sources", type = SchemaType.ARRAY,
                implementation = SourceStatus.class,
                description = "One entry per selected source/region, as in a page"))
public record SummaryBody(
        @Schema(required = true, minimum = "0") long total,
        @Schema(required = true, minimum = "0",
                description = "Total size; snapshots of unknown size left out") @JsonProperty("size_gib") long sizeGib,
        @Schema(required = true, nullable = true,
                description = "Null when nothing matched") @JsonProperty("oldest_create_time") @JsonFormat(
                        shape = JsonFormat.Shape.STRING,
                        pattern = "yyyy-MM-dd'T'HH:mm:ss'Z'", timezone = "UTC") Instant oldestCreateTime,
        @Schema(required = true, nullable = true,
                description = "Null when nothing matched") @JsonProperty("newest_create_time") @JsonFormat(
                        shape = JsonFormat.Shape.STRING,
                        pattern = "yyyy-MM-dd'T'HH:mm:ss'Z'", timezone = "UTC") Instant newestCreateTime,
        @Schema(required = true) @JsonProperty("by_provider") Map<String, Long> byProvider,
        @Schema(required = true) @JsonProperty("by_source") Map<String, Long> bySource,
        @Schema(required = true) @JsonProperty("by_region") Map<String, Long> byRegion,
        @Schema(required = true) @JsonProperty("by_status") Map<String, Long> byStatus,
        @Schema(required = true) @JsonProperty("by_disk_type") Map<String, Long> byDiskType,
        @Schema(required = true) @JsonProperty("by_creation_type") Map<String, Long> byCreationType,
        @Schema(required = true, description = "False when a selected source/region failed") boolean complete) {

    static SummaryBody of(Summary s) {
        return new SummaryBody(s.total(), s.sizeGib(), s.oldestCreateTime(), s.newestCreateTime(), s.byProvider(),
                s.bySource(), s.byRegion(), s.byStatus(), s.byDiskType(), s.byCreationType(), s.complete());
    }
}
