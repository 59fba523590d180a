package io.snapshotgateway.aggregation;

import java.util.Optional;

import io.snapshotgateway.inventory.CacheState;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamFailure;

/** What became of one scope in one request: served from its inventory, or why not. */
public sealed interface SourceOutcome {
    Scope scope();

    /** Whether this scope failed on an earlier page of the walk this page belongs to, so the walk lacks some of it. */
    boolean missedEarlierPages();

    /**
     * Served from the scope's inventory; {@code matched} of its snapshots match the request's filters. {@code problem}
     * is set when the latest refresh failed and the last good listing stood in.
     */
    record Listed(Scope scope, int matched, CacheState cache, long ageSeconds, Optional<UpstreamFailure> problem,
            boolean missedEarlierPages) implements SourceOutcome {
    }

    /** Nothing to serve for this scope; the others are unaffected. */
    record Failed(Scope scope, UpstreamFailure failure, boolean missedEarlierPages) implements SourceOutcome {
    }
}
