package io.snapshotgateway.aggregation;

import java.util.List;
import java.util.Optional;

import io.snapshotgateway.Snapshot;
import io.snapshotgateway.cache.CacheState;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamFailure;

/** What became of one scope in a fan-out: its listing, or why there is none. */
public sealed interface SourceOutcome {
    Scope scope();

    /**
     * The scope's snapshots that match the request's filters, sorted in the request's order. {@code refreshFailure}
     * is set when the vendor failed and a stale listing stood in (stale-if-error).
     */
    record Listed(Scope scope, List<Snapshot> snapshots, CacheState cache, long ageSeconds,
            Optional<UpstreamFailure> refreshFailure) implements SourceOutcome {
    }

    /** The vendor call failed; the other scopes are unaffected. */
    record Failed(Scope scope, UpstreamFailure failure) implements SourceOutcome {
    }
}
