package io.snapshotgateway.cache;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.snapshotgateway.provider.PushDown;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.SnapshotProvider;

/**
 * Where the aggregator gets one scope's listing. The cache per (source, region, project, pushed-down filters) lives
 * behind this seam; until it does, every listing is fetched from the vendor.
 */
@ApplicationScoped
public class ScopeListings {

    public Uni<ScopeListing> get(SnapshotProvider provider, Scope scope, PushDown pushDown, boolean bypass) {
        CacheState state = bypass ? CacheState.BYPASS : CacheState.MISS;
        return provider.list(scope, pushDown).map(snapshots -> new ScopeListing(snapshots, state, 0));
    }
}
