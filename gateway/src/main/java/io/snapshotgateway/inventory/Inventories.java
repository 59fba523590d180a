package io.snapshotgateway.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.config.GatewayConfig;
import io.snapshotgateway.metrics.SloBuckets;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.protection.ScopeBreakers;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.SnapshotProvider;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.UpstreamFailure;
import io.snapshotgateway.provider.UpstreamFailures;
import io.snapshotgateway.shared.Lease;
import io.snapshotgateway.shared.LeaseAttempt;
import io.snapshotgateway.shared.Subscription;
import io.snapshotgateway.source.ConfiguredSources;
import io.snapshotgateway.source.SourceCredentials;
import io.vertx.core.Vertx;

/**
 * One warm inventory per configured scope, and the only place that lists a scope at the vendor.
 *
 * <p>
 * A scope is listed whole (no filter) by the scheduler ({@link RefreshAhead}), at most once at a time, at most
 * {@code gateway.fetch.concurrency} scopes at once. Requests read whatever inventory is published; they wait only for
 * a scope's very first listing, or for a refresh they forced with {@code no-cache} (at most one per scope per
 * {@code forced-refresh-min-interval}). So vendor calls depend on the configured scopes, never on what callers send.
 * A failed refresh keeps the last good inventory, served with the failure attached until it is older than
 * {@code max-staleness}. A listing whose estimated size would take all inventories past {@code max-bytes} is refused
 * like a failed refresh.
 */
@ApplicationScoped
public class Inventories {
    private final Map<Provider, SnapshotProvider> providers = new EnumMap<>(Provider.class);
    private final List<Scope> scopes;
    private volatile Map<Scope, AtomicReference<ScopeState>> states;
    private final Map<Scope, CompletableFuture<Void>> refreshing = new ConcurrentHashMap<>();
    /** Completed at the scope's next state change (a listing, a failure, an adoption): what fleet waiters wait for. */
    private final Map<Scope, CompletableFuture<Void>> changes = new ConcurrentHashMap<>();
    /**
     * Per scope, the fleet's latest state this replica has seen, and the digest of the inventory it holds (null: not
     * known to be any the fleet has). Changed only under the scope's lock, with the scope's state.
     */
    private final Map<Scope, FleetMark> marks = new ConcurrentHashMap<>();
    private final Map<String, Scope> byId = new ConcurrentHashMap<>();
    private final AtomicLong generations = new AtomicLong();
    private final AtomicLong usedBytes = new AtomicLong();
    private final List<Meter> gauges = new ArrayList<>();
    /** Read counters, looked up once: a request reads every selected scope. */
    private final Map<Provider, Map<CacheState, Counter>> reads = new ConcurrentHashMap<>();

    private final InventoryConfig config;
    private final GatewayClock clock;
    private final EntryEncoder encoder;
    private final SourceCredentials credentials;
    private final MeterRegistry metrics;
    private final ScopeBreakers breakers;
    private final RefreshSchedule schedule;
    private final Duration listingTimeout;
    private final int concurrency;
    private final long budget;
    private final SharedInventories fleet;
    private final Vertx vertx;
    private volatile Subscription subscription;

    public Inventories(Instance<SnapshotProvider> adapters, ConfiguredSources sources, InventoryConfig config,
            GatewayConfig gateway, GatewayClock clock, EntryEncoder encoder, SourceCredentials credentials,
            MeterRegistry metrics, ScopeBreakers breakers, SharedInventories fleet, Vertx vertx) {
        this.breakers = breakers;
        this.fleet = fleet;
        this.vertx = vertx;
        adapters.forEach(a -> providers.put(a.provider(), a));
        config.providers().keySet().stream().filter(id -> Provider.fromId(id).isEmpty()).findFirst()
                .ifPresent(id -> {
                    throw new IllegalStateException("Invalid inventory configuration: gateway.inventory.providers."
                            + id + " names no provider; known: alibaba-ecs, alibaba-eds, huawei-workspace");
                });
        this.scopes = sources.scopes();
        this.config = config;
        this.clock = clock;
        this.encoder = encoder;
        this.credentials = credentials;
        this.metrics = metrics;
        this.schedule = new RefreshSchedule(config.jitter(), config.backoffInitial(), config.backoffMax(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.listingTimeout = gateway.fetch().listingTimeout();
        this.concurrency = Math.max(1, gateway.fetch().concurrency());
        this.budget = config.budgetBytes();
        this.states = freshStates();
        scopes.forEach(scope -> byId.put(SharedInventories.id(scope), scope));
        registerGauges();
    }

    /** The fleet's latest state of a scope this replica has seen, and the digest of the inventory it holds. */
    private record FleetMark(SharedInventories.Version version, String digest) {
        static final FleetMark NONE = new FleetMark(SharedInventories.Version.NONE, null);
    }

    /**
     * With shared state, listens for the fleet's publications (and catches up on whatever it missed each time it
     * (re)subscribes), so every replica serves a scope's new listing moments after the replica that made it.
     */
    void share(@Observes StartupEvent started) {
        if (!fleet.enabled()) {
            return;
        }
        subscription = new Subscription(fleet.redis().commands().orElseThrow(), fleet.redis(), vertx,
                fleet.channel(), this::announced, () -> scopes.forEach(this::catchUp), fleet.leaseTime());
        subscription.start();
    }

    void unshare(@Observes @Priority(1) ShutdownEvent stopping) {
        if (subscription != null) {
            subscription.close();
        }
    }

    /** Whether this replica hears the fleet's publications now (Redis confirmed its subscription). */
    boolean sharing() {
        return subscription != null && subscription.subscribed();
    }

    /** A publication: {@code "<scope id> <epoch> <version>"}. */
    private void announced(String message) {
        String[] parts = message.split(" ");
        Scope scope = parts.length == 3 ? byId.get(parts[0]) : null;
        if (scope == null) {
            return; // a scope another gateway (same prefix, other configuration) lists, or another format
        }
        SharedInventories.Version version;
        try {
            version = new SharedInventories.Version(parts[1], Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return;
        }
        if (version.newerThan(marks.getOrDefault(scope, FleetMark.NONE).version())) {
            catchUp(scope);
        }
    }

    /** Each scope's last success and last failure, for operators; nothing is listed to answer it. */
    public List<ScopeHealth> health() {
        Instant now = clock.now();
        return scopes.stream().map(scope -> {
            ScopeState state = states.get(scope).get();
            Instant lastSuccess = state.inventory() == null ? null : state.inventory().fetchedAt();
            return new ScopeHealth(scope, lastSuccess, state.lastFailure(),
                    lastSuccess == null ? null : Duration.between(lastSuccess, now));
        }).toList();
    }

    /** Every configured scope, by source then region. */
    public List<Scope> scopes() {
        return scopes;
    }

    /**
     * What a request is served for {@code scope}: at once from the published inventory, or after the scope's first
     * listing (within the listing timeout). With {@code force}, after a refresh: one already running is joined, and
     * none is started within {@code forced-refresh-min-interval} of the last one, nor while a failing scope backs off.
     */
    public Uni<ScopeView> read(Scope scope, boolean force) {
        AtomicReference<ScopeState> ref = states.get(scope);
        if (ref == null) {
            return Uni.createFrom().item(new ScopeView.Unavailable(scope, UpstreamFailure.of(
                    ProblemType.UPSTREAM_UNAVAILABLE, "the scope is not configured"), 0));
        }
        ScopeState state = ref.get();
        if (force) {
            CompletableFuture<Void> running = refreshing.get(scope);
            if (running == null && forcible(state, clock.now())) {
                running = refresh(scope, s -> forcible(s, clock.now()), true);
            }
            if (running != null) {
                return join(running).map(done -> counted(view(scope, ref.get(), CacheState.BYPASS)));
            }
        } else if (state.inventory() == null && state.failure() == null) {
            // Never listed: wait for the first listing (the warm-up's, or one started here when refresh-ahead is off).
            CompletableFuture<Void> running = refreshing.get(scope);
            return join(running != null
                    ? running
                    : refresh(scope, s -> s.inventory() == null && s.failure() == null, false))
                    .map(done -> counted(view(scope, ref.get(), CacheState.MISS)));
        }
        return Uni.createFrom().item(counted(view(scope, state, CacheState.HIT)));
    }

    /**
     * Whether {@code no-cache} may list the scope now: not within the minimum interval of the last attempt, and not
     * while a failing scope backs off (a caller must not keep a throttled account throttled past its Retry-After).
     */
    private boolean forcible(ScopeState state, Instant now) {
        return !now.isBefore(state.lastAttemptAt().plus(config.forcedRefreshMinInterval()))
                && (state.consecutiveFailures() == 0 || !now.isBefore(state.nextRefreshAt()));
    }

    /**
     * The scopes' views now, when serving none of them needs waiting (each was listed, or its first listing failed);
     * else null, and {@link #read} is the way. Spares the common request a reactive pipeline per scope.
     */
    public List<ScopeView> readAllNow(List<Scope> wanted) {
        Map<Scope, AtomicReference<ScopeState>> current = states;
        List<ScopeState> seen = new ArrayList<>(wanted.size());
        for (Scope scope : wanted) {
            AtomicReference<ScopeState> ref = current.get(scope);
            ScopeState state = ref == null ? null : ref.get();
            if (state == null || (state.inventory() == null && state.failure() == null)) {
                return null;
            }
            seen.add(state);
        }
        List<ScopeView> views = new ArrayList<>(wanted.size());
        for (int i = 0; i < wanted.size(); i++) {
            views.add(counted(view(wanted.get(i), seen.get(i), CacheState.HIT)));
        }
        return views;
    }

    /** Starts a refresh of every scope that is due, within the concurrency limit; returns how many started. */
    public int refreshDue() {
        Instant now = clock.now();
        int started = 0;
        for (Map.Entry<Scope, AtomicReference<ScopeState>> e : states.entrySet()) {
            if (refreshing.size() >= concurrency) {
                break;
            }
            if (!refreshing.containsKey(e.getKey()) && !now.isBefore(e.getValue().get().nextRefreshAt())) {
                refresh(e.getKey(), s -> !now.isBefore(s.nextRefreshAt()), false);
                started++;
            }
        }
        return started;
    }

    /**
     * Forgets every inventory and schedule, as at start, once the listings under way have ended (else one of them
     * would call the vendor after the reset and count against the next test). For tests: nothing in the gateway calls
     * it, and it blocks the calling (test) thread.
     */
    public void reset() {
        List.copyOf(changes.keySet()).forEach(this::signal); // ends refreshes waiting for another replica
        try {
            CompletableFuture.allOf(refreshing.values().toArray(CompletableFuture[]::new))
                    .get(listingTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a listing that never ends is the test's failure to report, not reset's
        }
        refreshing.clear();
        marks.clear();
        usedBytes.set(0);
        states = freshStates();
    }

    /** Whether any scope is being listed now. */
    boolean refreshing() {
        return !refreshing.isEmpty();
    }

    /** When the scheduler will list {@code scope} next. */
    Instant nextRefreshAt(Scope scope) {
        return states.get(scope).get().nextRefreshAt();
    }

    /** Estimated bytes all published inventories hold. */
    public long usedBytes() {
        return usedBytes.get();
    }

    private Uni<Void> join(CompletableFuture<Void> running) {
        // A refresh always ends within the listing timeout; the margin only guards against a bug leaving it open.
        return Uni.createFrom().completionStage(running).ifNoItem().after(listingTimeout.plusSeconds(5))
                .recoverWithItem((Void) null).replaceWithVoid();
    }

    private ScopeView view(Scope scope, ScopeState state, CacheState ifFresh) {
        Inventory inventory = state.inventory();
        if (inventory == null) {
            return new ScopeView.Unavailable(scope, state.failure() != null
                    ? state.failure()
                    : UpstreamFailure.of(ProblemType.UPSTREAM_UNAVAILABLE, "the scope has not been listed yet"),
                    state.failureSeq());
        }
        Duration age = Duration.between(inventory.fetchedAt(), clock.now());
        if (age.compareTo(config.maxStaleness()) > 0) {
            UpstreamFailure last = state.failure() != null
                    ? state.failure()
                    : UpstreamFailure.of(ProblemType.UPSTREAM_UNAVAILABLE, "no refresh completed");
            // No age in the text: it would change every second, and with it every rendered page and ETag.
            return new ScopeView.Unavailable(scope, new UpstreamFailure(last.type(), last.detail()
                    + "; the last good listing is older than gateway.inventory.max-staleness ("
                    + config.maxStaleness().toSeconds() + " s)", last.httpStatus(), last.vendorCode(),
                    last.vendorMessage(), last.vendorRequestId(), last.retryAfter()), state.failureSeq() + 1);
        }
        long ageSeconds = Math.max(0, age.toSeconds());
        if (state.failure() != null) {
            return new ScopeView.Served(scope, inventory, CacheState.STALE, ageSeconds, Optional.of(state.failure()),
                    state.failureSeq());
        }
        return new ScopeView.Served(scope, inventory, ifFresh, ageSeconds, Optional.empty(), state.failureSeq());
    }

    private ScopeView counted(ScopeView view) {
        if (view instanceof ScopeView.Served served) {
            reads.computeIfAbsent(served.scope().provider(), p -> new ConcurrentHashMap<>())
                    .computeIfAbsent(served.cache(), c -> Counter.builder("snapshot_gateway_listings")
                            .description("Scope listings served to requests, by how they were obtained")
                            .tags("provider", served.scope().provider().id(), "cache", c.id()).register(metrics))
                    .increment();
        }
        return view;
    }

    /**
     * Lists {@code scope} unless a listing of it is already running; either way returns the one running. Whether the
     * listing is still wanted is asked again once this call owns the scope's slot: the caller looked at the state
     * before, and a listing that ended in between (it publishes, then frees the slot) may have done the work already.
     *
     * <p>
     * With shared state, the fleet decides first ({@link SharedInventories}): this replica lists only under the
     * scope's lease, granted when the fleet's next refresh is due ({@code forced}: when a {@code no-cache} refresh
     * was not already made within the minimum interval); otherwise it adopts what another replica published, waiting
     * for it while that replica lists. When Redis fails, it lists on its own, as without shared state.
     */
    private CompletableFuture<Void> refresh(Scope scope, Predicate<ScopeState> stillWanted, boolean forced) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = refreshing.putIfAbsent(scope, mine);
        if (running != null) {
            return running;
        }
        AtomicReference<ScopeState> ref = states.get(scope);
        if (!stillWanted.test(ref.get())) {
            done(scope, mine);
            return mine;
        }
        if (!fleet.enabled()) {
            list(scope, ref, mine, null);
            return mine;
        }
        if (!fleet.redis().available()) {
            // Redis failed moments ago: no lease attempt per scope and tick, each waiting out the command timeout
            listWithoutFleet(scope, ref, mine, forced);
            return mine;
        }
        coordinate(scope, ref, mine, forced, System.nanoTime() + listingTimeout.toNanos());
        return mine;
    }

    /**
     * Asks the fleet who lists the scope, and lists it, adopts it, or waits for the replica listing it. A wait is
     * bounded by {@code deadlineNanos}, and the lease is asked for again every {@link #leaseCheck()}, so that a
     * holder that died mid-listing is succeeded as soon as its lease expires.
     */
    private void coordinate(Scope scope, AtomicReference<ScopeState> ref, CompletableFuture<Void> mine,
            boolean forced, long deadlineNanos) {
        // Taken before asking: a publication that lands while the lease is refused must still wake this refresh.
        CompletableFuture<Void> change = nextChange(scope);
        Uni<LeaseAttempt> attempt = forced
                ? fleet.force(scope, config.forcedRefreshMinInterval()).flatMap(f -> switch (f) {
                    case MINE -> fleet.lease(scope, false);
                    case RUNNING -> Uni.createFrom().item(new LeaseAttempt.Held());
                    case RECENT -> Uni.createFrom().item(new LeaseAttempt.NotDue());
                })
                : fleet.lease(scope, true);
        attempt.subscribe().with(outcome -> {
            if (outcome instanceof LeaseAttempt.Granted granted) {
                list(scope, ref, mine, granted.lease());
            } else if (outcome instanceof LeaseAttempt.Held) {
                awaitFleet(scope, ref, mine, change, deadlineNanos);
            } else {
                catchUpThen(scope, () -> done(scope, mine));
            }
        }, failure -> listWithoutFleet(scope, ref, mine, forced));
    }

    /** Lists the scope as a single replica would, because Redis failed; counted as a fallback. */
    private void listWithoutFleet(Scope scope, AtomicReference<ScopeState> ref, CompletableFuture<Void> mine,
            boolean forced) {
        fleet.redis().fellBack(forced ? "force" : "refresh");
        list(scope, ref, mine, null);
    }

    /**
     * Lists the scope at the vendor and publishes the outcome here, and to the fleet under {@code lease} (null: Redis
     * is not used or failed). The lease is renewed while the listing runs (a listing may outlast it), and released
     * only after the fleet has the outcome, so no other replica takes it to list the scope again meanwhile.
     */
    private void list(Scope scope, AtomicReference<ScopeState> ref, CompletableFuture<Void> mine, Lease lease) {
        ref.updateAndGet(s -> s.attempted(clock.now()));
        long renewal = lease == null
                ? -1
                : vertx.setPeriodic(Math.max(100, fleet.leaseTime().toMillis() / 3),
                        id -> fleet.renew(lease).subscribe().with(kept -> {
                        }, failure -> {
                        }));
        SnapshotProvider provider = providers.get(scope.provider());
        long started = System.nanoTime();
        Uni<List<Snapshot>> listing = provider == null
                ? Uni.createFrom().failure(new UpstreamException(UpstreamFailure.of(ProblemType.UPSTREAM_UNAVAILABLE,
                        "no adapter for provider " + scope.provider() + " in this build")))
                : Uni.createFrom().deferred(() -> breakers.guard(scope, listingTimeout, "the listing",
                        () -> provider.list(scope)));
        listing
                // Encoding and sorting a large listing is CPU work: off the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(snapshots -> build(scope, snapshots))
                .subscribe().with(inventory -> {
                    try {
                        recordFetch(scope, "ok", started);
                        publish(scope, ref, inventory);
                    } finally {
                        shareOutcome(scope, ref, lease, renewal, () -> done(scope, mine));
                    }
                }, failure -> {
                    try {
                        UpstreamFailure classified = classify(scope, failure);
                        recordFetch(scope, classified.type().slug(), started);
                        fail(scope, ref, classified);
                    } finally {
                        shareOutcome(scope, ref, lease, renewal, () -> done(scope, mine));
                    }
                });
    }

    /**
     * Publishes the scope's state after this replica listed it under {@code lease}, then gives the lease up, then runs
     * {@code then}: the refresh ends only then, so that a request here that forces another refresh joins this one
     * rather than finding this replica's own lease held.
     */
    private void shareOutcome(Scope scope, AtomicReference<ScopeState> ref, Lease lease, long renewal,
            Runnable then) {
        if (lease == null) {
            synchronized (ref) {
                // listed here alone: what this replica holds is no state of the fleet's
                marks.computeIfPresent(scope, (s, mark) -> new FleetMark(mark.version(), null));
            }
            then.run();
            return;
        }
        vertx.cancelTimer(renewal);
        Uni<SharedInventories.Version> published;
        try {
            Instant now = clock.now();
            synchronized (ref) {
                ScopeState state = ref.get();
                Duration nextIn = Duration.between(now, state.nextRefreshAt());
                if (state.failure() != null || state.inventory() == null) {
                    published = fleet.publishFailure(scope, lease, state.failure() != null
                            ? state.failure()
                            : UpstreamFailure.of(ProblemType.UPSTREAM_UNAVAILABLE, "no listing"), now, nextIn);
                } else {
                    SharedInventories.Encoded encoded = SharedInventories.encode(state.inventory());
                    // The digest of what this replica holds, before the announcement can come back to it.
                    marks.compute(scope, (s, mark) -> new FleetMark(
                            mark == null ? SharedInventories.Version.NONE : mark.version(), encoded.digest()));
                    published = fleet.publish(scope, lease, encoded, state.inventory().fetchedAt(), nextIn);
                }
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "Publishing %s/%s to Redis failed", scope.source(), scope.region());
            published = Uni.createFrom().item(SharedInventories.Version.NONE);
        }
        published.onItemOrFailure().transformToUni((version, failure) -> {
            if (version != null) {
                synchronized (ref) {
                    marks.computeIfPresent(scope, (s, mark) -> version.newerThan(mark.version())
                            ? new FleetMark(version, mark.digest())
                            : mark);
                }
            }
            return fleet.release(lease);
        }).subscribe().with(released -> then.run(), failure -> {
            // counted and logged by SharedRedis; the lease expires by itself
            then.run();
        });
    }

    /**
     * Another replica lists the scope now: wait for its publication (or the listing timeout, after which the next
     * tick asks again: a holder that died lets its lease expire).
     */
    private void awaitFleet(Scope scope, AtomicReference<ScopeState> ref, CompletableFuture<Void> mine,
            CompletableFuture<Void> change, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            done(scope, mine);
            return;
        }
        change.copy().orTimeout(Math.min(left, leaseCheck().toNanos()), TimeUnit.NANOSECONDS)
                .whenComplete((changed, timeout) -> {
                    if (timeout == null) {
                        done(scope, mine);
                    } else {
                        // No publication yet: is the holder still there? (Not forced again: the first claim stands.)
                        coordinate(scope, ref, mine, false, deadlineNanos);
                    }
                });
        // A publication whose announcement was lost (a subscription reconnecting) is fetched now.
        catchUp(scope);
    }

    /** How often a replica waiting for another one's listing checks that the other still holds the lease. */
    private Duration leaseCheck() {
        Duration third = fleet.leaseTime().dividedBy(3);
        return third.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : third;
    }

    private void done(Scope scope, CompletableFuture<Void> mine) {
        refreshing.remove(scope, mine);
        mine.complete(null);
    }

    /** Adopts the fleet's newer state of {@code scope}, if there is one. */
    private void catchUp(Scope scope) {
        catchUpThen(scope, () -> {
        });
    }

    private void catchUpThen(Scope scope, Runnable then) {
        FleetMark mark = marks.getOrDefault(scope, FleetMark.NONE);
        fleet.fetch(scope, mark.version(), mark.digest())
                // decoding a listing is CPU work: off the event loop
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .subscribe().with(remote -> {
                    remote.ifPresent(r -> adopt(scope, r));
                    then.run();
                }, failure -> then.run());
    }

    /**
     * Takes over the fleet's state of a scope: its listing (kept as is when the content is the same, so rendered pages
     * stay valid), its fetch time (every replica shows the same age), its failure, and its next refresh time.
     */
    private void adopt(Scope scope, SharedInventories.Remote remote) {
        AtomicReference<ScopeState> ref = states.get(scope);
        if (ref == null) {
            return;
        }
        // Two fetches of one version (an announcement and a waiting refresh's catch-up) adopt it once.
        synchronized (ref) {
            if (remote.version().newerThan(marks.getOrDefault(scope, FleetMark.NONE).version())) {
                adopt(scope, ref, remote);
            }
        }
    }

    private void adopt(Scope scope, AtomicReference<ScopeState> ref, SharedInventories.Remote remote) {
        Instant now = clock.now();
        Instant next = now.plus(remote.nextIn().isNegative() ? Duration.ZERO : remote.nextIn());
        Inventory old = ref.get().inventory();
        Inventory inventory = old;
        if (remote.data() != null && remote.fetchedAt() != null) {
            Inventory decoded;
            try {
                decoded = InventoryCodec.decode(remote.data(), scope, generations.incrementAndGet(),
                        remote.fetchedAt(), budget);
            } catch (IllegalArgumentException e) {
                // another version's encoding (a rolling upgrade) or a damaged blob: this replica lists it itself
                Log.warnf("Inventory %s/%s from Redis not adopted: %s", scope.source(), scope.region(),
                        e.getMessage());
                notAdopted(scope, ref, remote.version(), next);
                return;
            }
            inventory = decoded.sameContent(old) ? old.relisted(decoded.fetchedAt()) : decoded;
            if (!reserveReplacing(scope, old, inventory)) {
                Log.warnf("Inventory %s/%s from Redis not adopted: over gateway.inventory.max-bytes", scope.source(),
                        scope.region());
                notAdopted(scope, ref, remote.version(), next);
                return;
            }
        } else if (old != null && remote.fetchedAt() != null && remote.digest() != null) {
            inventory = old.relisted(remote.fetchedAt()); // the digest this replica holds: same content
        }
        Inventory served = inventory;
        Optional<SharedInventories.FleetFailure> failure = remote.failure();
        FleetMark mark = marks.getOrDefault(scope, FleetMark.NONE);
        String digest = remote.data() != null || (old != null && remote.digest() != null)
                ? remote.digest()
                : mark.digest(); // the fleet has no listing: this replica keeps its own
        if (served == null && failure.isEmpty()) {
            marks.put(scope, new FleetMark(remote.version(), digest));
            return; // nothing to serve in it
        }
        // The fleet's listing counts as this replica's latest attempt: no no-cache listing here right after it.
        Instant attempted = failure.map(SharedInventories.FleetFailure::at).orElse(remote.fetchedAt());
        ref.updateAndGet(s -> {
            ScopeState adopted = failure.isPresent()
                    ? s.withInventory(served).failed(failure.get().failure(), failure.get().at(), next)
                    : s.listed(served, next);
            return attempted == null || attempted.isBefore(s.lastAttemptAt()) ? adopted : adopted.attempted(attempted);
        });
        marks.put(scope, new FleetMark(remote.version(), digest));
        counter("snapshot_gateway_inventory_adopted", scope,
                "Scope states taken over from another replica through Redis instead of listed here").increment();
        signal(scope);
    }

    /**
     * A state of the fleet this replica could not take: seen (not fetched again), and this replica's next refresh
     * follows the fleet's, when it lists the scope itself if it gets the lease.
     */
    private void notAdopted(Scope scope, AtomicReference<ScopeState> ref, SharedInventories.Version version,
            Instant next) {
        marks.put(scope, new FleetMark(version, null));
        ref.updateAndGet(s -> s.rescheduled(next));
    }

    private CompletableFuture<Void> nextChange(Scope scope) {
        return changes.computeIfAbsent(scope, s -> new CompletableFuture<>());
    }

    private void signal(Scope scope) {
        CompletableFuture<Void> change = changes.remove(scope);
        if (change != null) {
            change.complete(null);
        }
    }

    private Inventory build(Scope scope, List<Snapshot> snapshots) {
        List<InventoryEntry> entries = new ArrayList<>(snapshots.size());
        // Adapters hand over distinct ids (SnapshotProvider#list): no second pass here.
        for (Snapshot s : snapshots) {
            entries.add(encoder.encode(s));
        }
        return Inventory.of(scope, generations.incrementAndGet(), clock.now(), entries);
    }

    private void publish(Scope scope, AtomicReference<ScopeState> ref, Inventory fresh) {
        // Under the scope's lock, like an adoption: the size reserved is the difference to what is really replaced.
        synchronized (ref) {
            publishLocked(scope, ref, fresh);
        }
    }

    private void publishLocked(Scope scope, AtomicReference<ScopeState> ref, Inventory fresh) {
        if (states.get(scope) != ref) {
            return; // reset while listing
        }
        Inventory old = ref.get().inventory();
        Inventory next = fresh.sameContent(old) ? old.relisted(fresh.fetchedAt()) : fresh;
        if (!reserveReplacing(scope, old, next)) {
            UpstreamFailure refused = UpstreamFailure.of(ProblemType.INVENTORY_OVER_BUDGET, "the listing of "
                    + next.size() + " snapshots (about " + mib(next.estimatedBytes())
                    + " MiB) would take all inventories past gateway.inventory.max-bytes (" + mib(budget) + " MiB, "
                    + mib(usedBytes.get()) + " MiB in use)");
            Log.warnf("Inventory %s/%s refused: %s", scope.source(), scope.region(), refused.detail());
            fail(scope, ref, refused);
            return;
        }
        Instant now = clock.now();
        ref.updateAndGet(s -> s.listed(next, schedule.afterSuccess(now, config.refreshInterval(scope.provider()))));
        signal(scope);
    }

    /** Reserves what replacing {@code old} by {@code next} adds to the inventories' bytes; counts a refusal. */
    private boolean reserveReplacing(Scope scope, Inventory old, Inventory next) {
        if (reserve(next.estimatedBytes() - (old == null ? 0 : old.estimatedBytes()))) {
            return true;
        }
        counter("snapshot_gateway_inventory_refused", scope,
                "Scope listings refused because they would take all inventories past gateway.inventory.max-bytes")
                .increment();
        return false;
    }

    private boolean reserve(long delta) {
        while (true) {
            long used = usedBytes.get();
            if (delta > 0 && used + delta > budget) {
                return false;
            }
            if (usedBytes.compareAndSet(used, used + delta)) {
                return true;
            }
        }
    }

    private void fail(Scope scope, AtomicReference<ScopeState> ref, UpstreamFailure failure) {
        Instant now = clock.now();
        synchronized (ref) {
            ref.updateAndGet(s -> s.failed(failure, now, schedule.afterFailure(now, s.consecutiveFailures() + 1,
                    failure.retryAfter())));
        }
        signal(scope);
    }

    private UpstreamFailure classify(Scope scope, Throwable failure) {
        if (UpstreamFailures.recognize(failure).isEmpty()) {
            // Not a vendor failure we know: likely a bug. Logged with its stack, its messages scrubbed of secrets.
            Log.errorf(credentials.scrubbed(failure), "Listing %s/%s failed unexpectedly", scope.source(),
                    scope.region());
        }
        UpstreamFailure classified = UpstreamFailures.classify(failure);
        Log.warnf("Listing %s/%s/%s failed: %s %s%s", scope.source(), scope.provider(), scope.region(),
                classified.type().slug(), classified.detail(),
                classified.vendorRequestId() == null ? "" : " (request id " + classified.vendorRequestId() + ")");
        return classified;
    }

    private Map<Scope, AtomicReference<ScopeState>> freshStates() {
        Map<Scope, AtomicReference<ScopeState>> fresh = new LinkedHashMap<>();
        scopes.forEach(s -> fresh.put(s, new AtomicReference<>(ScopeState.NEW)));
        return Collections.unmodifiableMap(fresh);
    }

    /** One whole vendor listing of a scope (all its pages), by outcome: ok or the problem type it failed with. */
    private void recordFetch(Scope scope, String outcome, long startedNanos) {
        Timer.builder(SloBuckets.VENDOR_FETCH)
                .description("Whole vendor listings of one source/region (all pages, retries included), by outcome: ok "
                        + "or the problem type the listing failed with")
                .tags(tags(scope).and("outcome", outcome))
                .register(metrics).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Meters whose values come from this bean: removed with it, so a registry that outlives it never reads a dead one.
     */
    @PreDestroy
    void unregisterGauges() {
        gauges.forEach(metrics::remove);
    }

    private void registerGauges() {
        gauges.add(Gauge.builder("snapshot_gateway_inventory_budget_bytes", () -> budget)
                .description("gateway.inventory.max-bytes: estimated bytes all inventories may hold")
                .register(metrics));
        for (Scope scope : scopes) {
            gauges.add(Gauge.builder("snapshot_gateway_inventory_snapshots",
                    () -> inventory(scope).map(Inventory::size).orElse(0))
                    .description("Snapshots in the scope's published inventory").tags(tags(scope)).register(metrics));
            gauges.add(Gauge.builder("snapshot_gateway_inventory_bytes",
                    () -> inventory(scope).map(Inventory::estimatedBytes).orElse(0L))
                    .description("Estimated bytes of the scope's published inventory").tags(tags(scope))
                    .register(metrics));
            gauges.add(Gauge.builder("snapshot_gateway_inventory_age_seconds", () -> inventory(scope)
                    .map(i -> (double) Duration.between(i.fetchedAt(), clock.now()).toSeconds()).orElse(Double.NaN))
                    .description("Age of the scope's last good listing (NaN before the first)").tags(tags(scope))
                    .register(metrics));
            gauges.add(Gauge.builder("snapshot_gateway_inventory_last_success_timestamp_seconds", () -> inventory(scope)
                    .map(i -> (double) i.fetchedAt().getEpochSecond()).orElse(Double.NaN))
                    .description("Unix time of the scope's last successful listing, a refresh that found nothing new "
                            + "included (NaN before the first)")
                    .tags(tags(scope)).register(metrics));
        }
    }

    private Optional<Inventory> inventory(Scope scope) {
        return Optional.ofNullable(states.get(scope)).map(r -> r.get().inventory());
    }

    private Counter counter(String name, Scope scope, String description) {
        return Counter.builder(name).description(description).tags(tags(scope)).register(metrics);
    }

    private static Tags tags(Scope scope) {
        return Tags.of("provider", scope.provider().id(), "source", scope.source(), "region", scope.region());
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
