package io.snapshotgateway.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.snapshotgateway.Snapshot;
import io.snapshotgateway.problem.SourceStatus;

/** The body of a 200 from {@code GET /snapshots}. {@code next_page_token} is absent on the last page. */
@JsonPropertyOrder({"snapshots", "next_page_token", "complete", "sources"})
public record SnapshotPage(
        List<Snapshot> snapshots,
        @JsonProperty("next_page_token") @JsonInclude(JsonInclude.Include.NON_NULL) String nextPageToken,
        boolean complete,
        List<SourceStatus> sources) {
}
