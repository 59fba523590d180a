package io.snapshotgateway.aggregation;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.snapshotgateway.GatewayConfig;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.SnapshotFilter;
import io.snapshotgateway.cache.ScopeListings;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.SnapshotProvider;
import io.snapshotgateway.provider.SourceCredentials;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.UpstreamFailure;
import io.snapshotgateway.provider.UpstreamFailures;

/**
 * Lists every selected scope concurrently (bounded by {@code gateway.fetch.concurrency}) and never lets one scope's
 * failure touch another's data: each ends as its own {@link SourceOutcome}.
 */
@ApplicationScoped
public class Fanout {
    private final Map<Provider, SnapshotProvider> providers = new EnumMap<>(Provider.class);
    private final ScopeListings listings;
    private final int concurrency;
    private final java.time.Duration listingTimeout;
    private final SourceCredentials secrets;

    public Fanout(Instance<SnapshotProvider> adapters, ScopeListings listings, GatewayConfig config,
            SourceCredentials secrets) {
        this.secrets = secrets;
        adapters.forEach(a -> providers.put(a.provider(), a));
        this.listings = listings;
        this.concurrency = Math.max(1, config.fetch().concurrency());
        this.listingTimeout = config.fetch().listingTimeout();
    }

    /** One outcome per scope, in the order of {@code scopes}; each listing filtered and sorted by {@code order}. */
    public Uni<List<SourceOutcome>> fetch(List<Scope> scopes, SnapshotFilter filter, SortOrder order,
            boolean bypassCache) {
        if (scopes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Comparator<Snapshot> snapshotOrder = order.snapshotOrder();
        Map<Scope, Integer> position = new java.util.HashMap<>();
        scopes.forEach(scope -> position.putIfAbsent(scope, position.size()));
        return Multi.createFrom().iterable(scopes)
                .onItem().transformToUni(scope -> fetchOne(scope, filter, snapshotOrder, bypassCache))
                .merge(concurrency)
                .collect().asList()
                .map(outcomes -> outcomes.stream()
                        .sorted(Comparator.comparingInt(o -> position.get(o.scope())))
                        .toList());
    }

    private Uni<SourceOutcome> fetchOne(Scope scope, SnapshotFilter filter, Comparator<Snapshot> order,
            boolean bypassCache) {
        SnapshotProvider provider = providers.get(scope.provider());
        if (provider == null) {
            return Uni.createFrom().item(new SourceOutcome.Failed(scope, UpstreamFailure.of(
                    io.snapshotgateway.problem.ProblemType.UPSTREAM_UNAVAILABLE,
                    "no adapter for provider " + scope.provider() + " in this build")));
        }
        return Uni.createFrom().deferred(() -> listings.get(provider, scope, provider.pushDown(filter), bypassCache))
                .ifNoItem().after(listingTimeout).failWith(() -> new UpstreamException(UpstreamFailure.of(
                        io.snapshotgateway.problem.ProblemType.UPSTREAM_TIMEOUT,
                        "the listing took longer than gateway.fetch.listing-timeout")))
                .<SourceOutcome> map(listing -> new SourceOutcome.Listed(scope,
                        listing.snapshots().stream().filter(filter::matches).sorted(order).toList(),
                        listing.cache(), listing.ageSeconds(), listing.refreshFailure()))
                .onFailure().recoverWithItem(failure -> failed(scope, failure));
    }

    private SourceOutcome failed(Scope scope, Throwable failure) {
        if (UpstreamFailures.recognize(failure).isEmpty()) {
            // Not a vendor failure we know: likely a bug. Logged with its stack, its messages scrubbed of secrets.
            Log.errorf(secrets.scrubbed(failure), "Listing %s/%s failed unexpectedly", scope.source(), scope.region());
        }
        UpstreamFailure classified = UpstreamFailures.classify(failure);
        Log.warnf("Listing %s/%s/%s failed: %s %s%s", scope.source(), scope.provider(), scope.region(),
                classified.type().slug(), classified.detail(),
                classified.vendorRequestId() == null ? "" : " (request id " + classified.vendorRequestId() + ")");
        return new SourceOutcome.Failed(scope, classified);
    }
}
