package io.snapshotgateway.inventory;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.config.GatewayConfig;
import io.snapshotgateway.limits.TokenBucket;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.protection.ScopeBreakers;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.SnapshotProvider;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.UpstreamFailure;

/**
 * Which snapshots of a scope belong to an instance, for the providers whose snapshots do not say
 * ({@link SnapshotProvider#resolvesInstancesAtVendor()}, i.e. ECS). Each (scope, instance) is one vendor listing,
 * cached for {@code instance-lookup.ttl} in a cache bounded by entries and estimated bytes; concurrent lookups of one
 * pair share one call, failures are not kept, and all requests together make at most {@code max-per-minute} lookups.
 * Only snapshot ids are kept: the snapshots themselves are served from
 * the scope's inventory, like every other query.
 */
@ApplicationScoped
public class InstanceLookups {
    private final Map<Provider, SnapshotProvider> providers = new EnumMap<>(Provider.class);
    private final AsyncCache<Key, Set<String>> cache;
    private final InventoryConfig.InstanceLookup config;
    private final GatewayConfig gateway;
    private final TokenBucket budget;

    record Key(Scope scope, String instanceId) {
    }

    private final ScopeBreakers breakers;

    public InstanceLookups(Instance<SnapshotProvider> adapters, InventoryConfig config, GatewayConfig gateway,
            ScopeBreakers breakers) {
        this.breakers = breakers;
        adapters.forEach(a -> providers.put(a.provider(), a));
        this.config = config.instanceLookup();
        this.gateway = gateway;
        this.budget = TokenBucket.perMinute(this.config.maxPerMinute(), System.nanoTime());
        long maxBytes = this.config.maxBytes().asLongValue();
        // One weight bounds both: no entry weighs less than maxBytes / maxEntries, so at most maxEntries fit.
        long floor = Math.max(1, maxBytes / Math.max(1, this.config.maxEntries()));
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(this.config.ttl())
                .maximumWeight(maxBytes)
                .<Key, Set<String>>weigher((key, ids) -> (int) Math.min(Integer.MAX_VALUE,
                        Math.max(floor, 96 + ids.stream().mapToLong(id -> 56 + id.length()).sum())))
                .buildAsync();
    }

    /** Whether instance filters on this provider's scopes need a vendor lookup. */
    public boolean needed(Provider provider) {
        SnapshotProvider adapter = providers.get(provider);
        return adapter != null && adapter.resolvesInstancesAtVendor();
    }

    /** Ids of the scope's snapshots that belong to any of {@code instanceIds}. */
    public Uni<Set<String>> snapshotIds(Scope scope, Set<String> instanceIds) {
        SnapshotProvider adapter = providers.get(scope.provider());
        return Multi.createFrom().iterable(instanceIds)
                .onItem().transformToUni(instance -> Uni.createFrom().completionStage(
                        () -> cache.get(new Key(scope, instance), (key, executor) -> lookup(adapter, key))))
                .merge(Math.max(1, gateway.fetch().concurrency()))
                .collect().in(HashSet<String>::new, Set::addAll)
                .map(Set::copyOf);
    }

    private CompletableFuture<Set<String>> lookup(SnapshotProvider adapter, Key key) {
        Duration wait = budget.take(System.nanoTime());
        if (!wait.isZero()) {
            // Failed futures are not kept: the next request asks again, once the budget allows.
            return CompletableFuture.failedFuture(new UpstreamException(new UpstreamFailure(
                    ProblemType.UPSTREAM_THROTTLED, "instance lookups are over the gateway's own limit "
                            + "(gateway.inventory.instance-lookup.max-per-minute = " + config.maxPerMinute()
                            + "), which keeps the vendor account's quota for the inventories",
                    null, null, null, null, wait)));
        }
        return breakers.guard(key.scope(), gateway.fetch().listingTimeout(), "the instance lookup",
                () -> adapter.listOfInstance(key.scope(), key.instanceId()))
                .map(InstanceLookups::ids)
                .subscribeAsCompletionStage();
    }

    private static Set<String> ids(List<Snapshot> snapshots) {
        Set<String> ids = new HashSet<>();
        snapshots.forEach(s -> ids.add(s.id()));
        return Set.copyOf(ids);
    }
}
