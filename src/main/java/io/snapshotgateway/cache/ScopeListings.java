package io.snapshotgateway.cache;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.snapshotgateway.Provider;
import io.snapshotgateway.provider.Hashing;
import io.snapshotgateway.provider.PushDown;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.SnapshotProvider;
import io.snapshotgateway.provider.SourceCredentials;
import io.snapshotgateway.provider.UpstreamFailure;
import io.snapshotgateway.provider.UpstreamFailures;

/**
 * Where the aggregator gets one scope's listing: from a per-provider Caffeine cache (quarkus-cache) while fresh, stale
 * at once while one background refresh runs, stale when the vendor fails (within the stale-if-error window), or from
 * the vendor. Concurrent fetches of one key share a single vendor call; failures are never cached.
 */
@ApplicationScoped
public class ScopeListings {
    private final Map<Provider, Cache> caches = new EnumMap<>(Provider.class);
    private final CacheConfig config;
    private final GatewayClock clock;
    private final SourceCredentials credentials;
    private final Map<ListingKey, CompletableFuture<CachedListing>> inFlight = new ConcurrentHashMap<>();
    /** Credential identity per source, hashed once: the key id itself need not sit in every cache key. */
    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();

    private final MeterRegistry metrics;

    public ScopeListings(@CacheName("alibaba-ecs") Cache ecs, @CacheName("alibaba-eds") Cache eds,
            @CacheName("huawei-workspace") Cache workspace, CacheConfig config, GatewayClock clock,
            SourceCredentials credentials, MeterRegistry metrics) {
        this.metrics = metrics;
        caches.put(Provider.ALIBABA_ECS, ecs);
        caches.put(Provider.ALIBABA_EDS, eds);
        caches.put(Provider.HUAWEI_WORKSPACE, workspace);
        this.config = config;
        this.clock = clock;
        this.credentials = credentials;
    }

    public Uni<ScopeListing> get(SnapshotProvider provider, Scope scope, PushDown pushDown, boolean bypass) {
        ListingKey key = new ListingKey(scope, pushDown, fingerprints.computeIfAbsent(scope.source(),
                source -> Hashing.sha256Hex(credentials.accessKey(source).id()).substring(0, 16)));
        CacheConfig.Settings settings = config.of(scope.provider());
        Optional<CachedListing> cached = bypass ? Optional.empty() : cached(key);
        if (cached.isPresent()) {
            Duration age = Duration.between(cached.get().fetchedAt(), clock.now());
            if (age.compareTo(settings.ttl()) < 0) {
                return Uni.createFrom().item(listing(scope, cached.get(), CacheState.HIT, Optional.empty()));
            }
            if (age.compareTo(settings.ttl().plus(settings.staleWhileRevalidate())) < 0) {
                refreshInBackground(provider, key);
                return Uni.createFrom().item(listing(scope, cached.get(), CacheState.STALE, Optional.empty()));
            }
        }
        CacheState state = bypass ? CacheState.BYPASS : CacheState.MISS;
        // A caller who asked for no-cache wants the vendor's answer now, failure included: no stale fallback.
        return fetch(provider, key)
                .map(fresh -> listing(scope, fresh, state, Optional.empty()))
                .onFailure().recoverWithUni(failure -> staleIfError(scope, failure, cached, settings));
    }

    private Uni<ScopeListing> staleIfError(Scope scope, Throwable failure, Optional<CachedListing> fallback,
            CacheConfig.Settings settings) {
        Optional<UpstreamFailure> classified = UpstreamFailures.recognize(failure);
        if (classified.isPresent() && fallback.isPresent()
                && Duration.between(fallback.get().fetchedAt(), clock.now())
                        .compareTo(settings.ttl().plus(settings.staleIfError())) < 0) {
            return Uni.createFrom().item(listing(scope, fallback.get(), CacheState.STALE, classified));
        }
        return Uni.createFrom().failure(failure);
    }

    /** One vendor listing per key at a time: later callers join the call in flight. */
    private Uni<CachedListing> fetch(SnapshotProvider provider, ListingKey key) {
        CompletableFuture<CachedListing> mine = new CompletableFuture<>();
        CompletableFuture<CachedListing> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return Uni.createFrom().completionStage(running);
        }
        long started = System.nanoTime();
        Uni.createFrom().deferred(() -> provider.list(key.scope(), key.pushDown()))
                .subscribe().with(snapshots -> {
                    recordFetch(key.scope(), "ok", started);
                    CachedListing fetched = new CachedListing(snapshots, clock.now());
                    caffeine(key).put(key, CompletableFuture.completedFuture(fetched));
                    inFlight.remove(key, mine);
                    mine.complete(fetched);
                }, failure -> {
                    recordFetch(key.scope(), UpstreamFailures.classify(failure).type().slug(), started);
                    inFlight.remove(key, mine);
                    mine.completeExceptionally(failure);
                });
        return Uni.createFrom().completionStage(mine);
    }

    private void refreshInBackground(SnapshotProvider provider, ListingKey key) {
        fetch(provider, key).subscribe().with(ignored -> {
        }, failure -> Log.infof("Background refresh of %s/%s failed: %s", key.scope().source(), key.scope().region(),
                UpstreamFailures.classify(failure).detail()));
    }

    private Optional<CachedListing> cached(ListingKey key) {
        CompletableFuture<Object> entry = caffeine(key).getIfPresent(key);
        if (entry == null || !entry.isDone() || entry.isCompletedExceptionally()) {
            return Optional.empty();
        }
        // already complete: join() returns at once, it never waits
        return Optional.of((CachedListing) entry.join());
    }

    private CaffeineCache caffeine(ListingKey key) {
        return caches.get(key.scope().provider()).as(CaffeineCache.class);
    }

    /** One whole vendor listing of a scope (all its pages), by outcome: ok or the problem type it failed with. */
    private void recordFetch(Scope scope, String outcome, long startedNanos) {
        Timer.builder("snapshot_gateway_vendor_fetch")
                .description("Vendor listings of one source/region, all pages, by outcome")
                .tags(Tags.of("provider", scope.provider().id(), "source", scope.source(), "region", scope.region(),
                        "outcome", outcome))
                .register(metrics).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private ScopeListing listing(Scope scope, CachedListing listing, CacheState state,
            Optional<UpstreamFailure> failure) {
        metrics.counter("snapshot_gateway_listings", "provider", scope.provider().id(), "cache", state.id())
                .increment();
        long age = state == CacheState.MISS || state == CacheState.BYPASS ? 0
                : Math.max(0, Duration.between(listing.fetchedAt(), clock.now()).toSeconds());
        return new ScopeListing(listing.snapshots(), state, age, failure);
    }
}
