package io.snapshotgateway.aggregation;

import java.util.List;
import java.util.Optional;

import io.snapshotgateway.Snapshot;

/** One page of the merged listing, the token for the next one, and what happened to every scope. */
public record ListingResult(List<Snapshot> snapshots, Optional<String> nextPageToken, List<SourceOutcome> outcomes) {

    public boolean complete() {
        return outcomes.stream().allMatch(o -> o instanceof SourceOutcome.Listed);
    }
}
