package io.snapshotgateway.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.snapshotgateway.Snapshot;
import io.snapshotgateway.problem.SourceStatus;

/** The body of a 200 from {@code GET /snapshots}. {@code next_page_token} is absent on the last page. */
@JsonPropertyOrder({"snapshots", "next_page_token", "complete", "sources"})
@Schema(description = "One page of the merged listing")
public record SnapshotPage(
        @Schema(required = true,
                description = "Sorted by create_time (as asked), then provider, source, region, id") List<Snapshot> snapshots,
        @Schema(description = "Pass as page_token for the next page; absent on the last page") @JsonProperty("next_page_token") @JsonInclude(JsonInclude.Include.NON_NULL) String nextPageToken,
        @Schema(required = true, description = "False when a selected source/region failed, now or on an earlier "
                + "page of this walk") boolean complete,
        @Schema(required = true, description = "One entry per selected source/region") List<SourceStatus> sources) {
}
