package io.snapshotgateway.inventory;

import java.util.Optional;

import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamFailure;

/** What one request is served for one scope: its inventory, or why there is none to serve. */
public sealed interface ScopeView {
    Scope scope();

    /**
     * Identifies what this view shows (inventory generation, the problem attached): two views with the same stamp
     * render the same, so rendered pages are keyed by it.
     */
    String stamp();

    /**
     * The scope's inventory. {@code problem} is set when the latest refresh failed and this is the last good listing
     * (served while younger than {@code gateway.inventory.max-staleness}).
     */
    record Served(Scope scope, Inventory inventory, CacheState cache, long ageSeconds,
            Optional<UpstreamFailure> problem, long problemSeq) implements ScopeView {
        @Override
        public String stamp() {
            return inventory.generation() + (problem.isPresent() ? "p" + problemSeq : "");
        }
    }

    /** Nothing to serve: never listed successfully, or the last good listing is past the maximum staleness. */
    record Unavailable(Scope scope, UpstreamFailure failure, long problemSeq) implements ScopeView {
        @Override
        public String stamp() {
            return "x" + problemSeq;
        }
    }
}
