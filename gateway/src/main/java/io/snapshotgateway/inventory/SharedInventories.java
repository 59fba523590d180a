package io.snapshotgateway.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.snapshotgateway.crypto.Hashing;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamFailure;
import io.snapshotgateway.shared.Lease;
import io.snapshotgateway.shared.LeaseAttempt;
import io.snapshotgateway.shared.Leases;
import io.snapshotgateway.shared.RedisCommands;
import io.snapshotgateway.shared.SharedRedis;
import io.vertx.redis.client.Response;

/**
 * The fleet's copy of every scope's state in Redis, when {@code gateway.redis.url} is set: the replica holding a
 * scope's lease lists it and publishes the outcome here; every other replica adopts it. See
 * {@code docs/shared-state.md} for the key layout.
 *
 * <p>
 * Per scope {@code S} one hash {@code <prefix>inv:{S}}: {@code ver} (grows with every publication, success or
 * failure), {@code data} (the last good listing, {@link InventoryCodec}'s bytes), {@code digest} (SHA-256 of
 * {@code data}, so a replica that has it is not sent it again), {@code fetched} (when it was listed, epoch ms),
 * {@code failure} (the latest refresh's failure when it failed, JSON), {@code next} (when the fleet lists it next,
 * epoch ms on Redis's clock: the lease is only granted from then on), {@code at} (when the latest outcome was
 * published, Redis's clock: no {@code no-cache} listing within the minimum interval after it). Every publication is fenced by the lease token,
 * so a holder whose lease expired mid-listing cannot overwrite its successor's work, and announced on the channel
 * {@code <prefix>published} as {@code "<S> <epoch> <ver>"}; {@code epoch} is set when the hash is created.
 */
@ApplicationScoped
public class SharedInventories {
    // KEYS[1] inv, KEYS[2] lease; ARGV[1] token, [2] next in ms, [3] ttl ms, [4] channel, [5] scope id, [6] failure
    // JSON ('' for a good listing), then for a good listing [7] fetched ms, [8] digest, [9] data. The data is
    // rewritten only when its digest changed; a failure keeps the last good data.
    private static final String PUBLISH = """
            if redis.call('GET', KEYS[2]) ~= ARGV[1] then
              return {0, ''}
            end
            local ver = redis.call('HINCRBY', KEYS[1], 'ver', 1)
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            redis.call('HSETNX', KEYS[1], 'epoch', time[1] .. time[2])
            local epoch = redis.call('HGET', KEYS[1], 'epoch')
            if ARGV[6] == '' then
              if redis.call('HGET', KEYS[1], 'digest') ~= ARGV[8] then
                redis.call('HSET', KEYS[1], 'data', ARGV[9], 'digest', ARGV[8])
              end
              redis.call('HSET', KEYS[1], 'fetched', ARGV[7])
              redis.call('HDEL', KEYS[1], 'failure')
            else
              redis.call('HSET', KEYS[1], 'failure', ARGV[6])
            end
            redis.call('HSET', KEYS[1], 'next', now + tonumber(ARGV[2]), 'at', now)
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('PUBLISH', ARGV[4], ARGV[5] .. ' ' .. epoch .. ' ' .. ver)
            return {ver, epoch}
            """;
    // KEYS[1] inv; ARGV[1] the epoch and ARGV[2] the version this replica holds, ARGV[3] the digest of the data it
    // holds. Returns {ver, epoch} when nothing is newer, else {ver, epoch, fetched, digest, next in ms, failure, data
    // or nil}. The epoch changes when the hash is created anew (Redis restarted empty, the key expired or was
    // evicted), and the version starts again from 1 then: a replica compares both.
    private static final String FETCH = """
            local v = redis.call('HMGET', KEYS[1], 'ver', 'epoch', 'fetched', 'digest', 'next', 'failure')
            local ver = tonumber(v[1] or '0')
            local epoch = v[2] or ''
            if ver == 0 or (epoch == ARGV[1] and ver <= tonumber(ARGV[2])) then
              return {ver, epoch}
            end
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local data = false
            if v[4] and v[4] ~= ARGV[3] then
              data = redis.call('HGET', KEYS[1], 'data')
            end
            return {ver, epoch, v[3] or '', v[4] or '', tonumber(v[5] or '0') - now, v[6] or '', data}
            """;
    // KEYS[1] forced, KEYS[2] lease, KEYS[3] inv; ARGV[1] holder, ARGV[2] minimum interval in ms.
    // 1: this replica refreshes; 2: another replica is listing the scope now; 0: the fleet listed it (forced or on
    // schedule) within the interval.
    private static final String FORCE = """
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            if now - tonumber(redis.call('HGET', KEYS[3], 'at') or '0') < tonumber(ARGV[2]) then
              return 0
            end
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return 1
            end
            if redis.call('EXISTS', KEYS[2]) == 1 then
              return 2
            end
            return 0
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<RedisCommands> redis;
    private final SharedRedis shared;
    private final Leases leases;
    private final String prefix;
    private final Duration leaseTime;
    private final Duration keep;

    SharedInventories(SharedRedis shared, InventoryConfig config) {
        this.shared = shared;
        this.redis = shared.commands();
        this.prefix = shared.config().keyPrefix();
        this.leaseTime = shared.config().leaseTime();
        this.leases = redis.map(r -> new Leases(r, prefix, shared.holder())).orElse(null);
        // Nobody serves a listing older than max-staleness: Redis need not keep it longer (nor a fleet's leftovers).
        this.keep = config.maxStaleness().plus(config.backoffMax());
    }

    /** Whether replicas share state; when not, nothing else here may be called. */
    public boolean enabled() {
        return redis.isPresent();
    }

    /** The channel publications are announced on. */
    String channel() {
        return prefix + "published";
    }

    Duration leaseTime() {
        return leaseTime;
    }

    SharedRedis redis() {
        return shared;
    }

    /**
     * The scope's refresh lease: only when the fleet's next refresh of it is due ({@code ifDue}), or whenever nobody
     * holds it (a forced refresh).
     */
    Uni<LeaseAttempt> lease(Scope scope, boolean ifDue) {
        Uni<LeaseAttempt> attempt = ifDue
                ? leases.tryAcquireIfDue(id(scope), leaseTime, inventoryKey(scope))
                : leases.tryAcquire(id(scope), leaseTime)
                        .map(lease -> lease.<LeaseAttempt>map(LeaseAttempt.Granted::new)
                                .orElseGet(LeaseAttempt.Held::new));
        return shared.observed("lease", attempt);
    }

    /** Keeps the lease while the listing runs; false when it was lost (the publication will then be refused). */
    Uni<Boolean> renew(Lease lease) {
        return shared.observed("renew", leases.renew(lease, leaseTime));
    }

    Uni<Boolean> release(Lease lease) {
        return shared.observed("release", leases.release(lease));
    }

    /** What asking the fleet for a {@code no-cache} refresh came to. */
    enum Forced {
        /** This replica refreshes (under the lease). */
        MINE,
        /** Another replica lists the scope now: wait for its publication. */
        RUNNING,
        /** The fleet listed it (forced or not) within {@code forced-refresh-min-interval}: serve what there is. */
        RECENT
    }

    Uni<Forced> force(Scope scope, Duration minInterval) {
        return shared.observed("force", redis.get().eval(FORCE, List.of(prefix + "forced:{" + id(scope) + "}",
                prefix + "lease:{" + id(scope) + "}", inventoryKey(scope)),
                List.of(shared.holder(), Math.max(1, minInterval.toMillis())))
                .map(r -> switch (r.toInteger()) {
                    case 1 -> Forced.MINE;
                    case 2 -> Forced.RUNNING;
                    default -> Forced.RECENT;
                }));
    }

    /**
     * Publishes a good listing under {@code lease}: the version it got, or 0 when the lease was no longer this
     * replica's. {@code data} is {@link #encode}'s.
     */
    Uni<Version> publish(Scope scope, Lease lease, Encoded data, Instant fetchedAt, Duration nextIn) {
        return publish(scope, lease, nextIn, "", List.of(fetchedAt.toEpochMilli(), data.digest(), data.bytes()));
    }

    /** Publishes a failed refresh under {@code lease} (the last good listing stays): the version, or none. */
    Uni<Version> publishFailure(Scope scope, Lease lease, UpstreamFailure failure, Instant at, Duration nextIn) {
        return publish(scope, lease, nextIn, failureJson(failure, at), List.of());
    }

    private Uni<Version> publish(Scope scope, Lease lease, Duration nextIn, String failure, List<Object> listing) {
        List<Object> args = new ArrayList<>(List.of(lease.token(), positive(nextIn), keep.toMillis(), channel(),
                id(scope), failure));
        args.addAll(listing);
        return shared.observed("publish", redis.get().eval(PUBLISH, List.of(inventoryKey(scope), lease.key()), args)
                .map(SharedInventories::version));
    }

    /**
     * Which state of a scope: the hash's epoch (it changes when the hash is created anew) and its version within it.
     * Version 0: none (a publication refused because the lease was no longer the publisher's).
     */
    record Version(String epoch, long version) {
        static final Version NONE = new Version("", 0);

        boolean newerThan(Version other) {
            return version > 0 && (!epoch.equals(other.epoch()) || version > other.version());
        }
    }

    private static Version version(Response r) {
        return new Version(r.get(1).toString(), r.get(0).toLong());
    }

    /**
     * The scope's state in Redis when its version is above {@code knownVersion}; its data only when the digest is not
     * {@code knownDigest} (null: this replica has none that it knows to be the fleet's).
     */
    Uni<Optional<Remote>> fetch(Scope scope, Version known, String knownDigest) {
        return shared.observed("fetch", redis.get().eval(FETCH, List.of(inventoryKey(scope)),
                List.of(known.epoch(), known.version(), knownDigest == null ? "" : knownDigest)))
                .map(r -> r.size() < 7 ? Optional.<Remote>empty() : Optional.of(remote(r)));
    }

    /** The bytes of an inventory as the fleet stores it, and their digest. */
    record Encoded(byte[] bytes, String digest) {
    }

    static Encoded encode(Inventory inventory) {
        byte[] bytes = InventoryCodec.encode(inventory);
        return new Encoded(bytes, Hashing.sha256Hex(bytes));
    }

    /**
     * A scope's state as the fleet published it.
     *
     * @param data the last good listing's bytes, null when the fleet has none or it has the receiver's digest
     * @param fetchedAt when that listing was made, null when none
     * @param nextIn how long until the fleet lists the scope again (negative: overdue)
     * @param failure the latest refresh's failure, when it failed
     */
    record Remote(Version version, byte[] data, String digest, Instant fetchedAt, Duration nextIn,
            Optional<FleetFailure> failure) {
    }

    /** A failed refresh as published: what failed, and when. */
    record FleetFailure(UpstreamFailure failure, Instant at) {
    }

    private static Remote remote(Response r) {
        String fetched = r.get(2).toString();
        String digest = r.get(3).toString();
        Response data = r.get(6);
        return new Remote(version(r), data == null ? null : data.toBytes(), digest.isEmpty() ? null : digest,
                fetched.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(fetched)),
                Duration.ofMillis(r.get(4).toLong()), failure(r.get(5).toString()));
    }

    /** The failure as JSON: a record of plain values, not the failure type itself (no class names on the wire). */
    record WireFailure(String type, String detail, Integer httpStatus, String vendorCode, String vendorMessage,
            String vendorRequestId, Long retryAfterMs, long atMs) {
    }

    static String failureJson(UpstreamFailure f, Instant at) {
        try {
            return JSON.writeValueAsString(new WireFailure(f.type().slug(), f.detail(), f.httpStatus(),
                    f.vendorCode(), f.vendorMessage(), f.vendorRequestId(),
                    f.retryAfter() == null ? null : f.retryAfter().toMillis(), at.toEpochMilli()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of strings and numbers always writes", e);
        }
    }

    /**
     * Empty when there is none; a problem type this build does not know (a newer replica's), or a failure it cannot
     * read, becomes upstream-unavailable.
     */
    static Optional<FleetFailure> failure(String json) {
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            WireFailure w = JSON.readValue(json, WireFailure.class);
            ProblemType type = ProblemType.fromSlug(w.type()).orElse(ProblemType.UPSTREAM_UNAVAILABLE);
            return Optional.of(new FleetFailure(new UpstreamFailure(type, w.detail(), w.httpStatus(), w.vendorCode(),
                    w.vendorMessage(), w.vendorRequestId(), w.retryAfterMs() == null
                            ? null
                            : Duration.ofMillis(w.retryAfterMs())),
                    Instant.ofEpochMilli(w.atMs())));
        } catch (JsonProcessingException e) {
            return Optional.of(new FleetFailure(UpstreamFailure.of(ProblemType.UPSTREAM_UNAVAILABLE,
                    "the latest refresh failed"), Instant.now()));
        }
    }

    String inventoryKey(Scope scope) {
        return prefix + "inv:{" + id(scope) + "}";
    }

    /** {@code <source>/<region>[/<project>]}: no braces, spaces or colons (source names and regions are checked). */
    static String id(Scope scope) {
        return scope.source() + "/" + scope.region() + (scope.projectId() == null ? "" : "/" + scope.projectId());
    }

    private static long positive(Duration d) {
        return Math.max(1, d.toMillis());
    }
}
