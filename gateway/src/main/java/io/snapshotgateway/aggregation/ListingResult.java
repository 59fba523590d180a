package io.snapshotgateway.aggregation;

import java.util.List;
import java.util.Optional;

import io.snapshotgateway.inventory.InventoryEntry;
import io.snapshotgateway.provider.Scope;

/** One page of the merged listing, the token for the next one, and what happened to every scope. */
public record ListingResult(List<PageEntry> entries, Optional<String> nextPageToken, List<SourceOutcome> outcomes) {

    /** One snapshot of the page and the scope it came from. */
    public record PageEntry(Scope scope, InventoryEntry entry) {
    }

    /** False when a scope failed, now or on an earlier page of this walk. */
    public boolean complete() {
        return SourceOutcomes.complete(outcomes);
    }
}
