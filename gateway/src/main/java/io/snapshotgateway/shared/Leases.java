package io.snapshotgateway.shared;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.vertx.redis.client.Response;

/**
 * Leases in Redis: at most one holder per key across the fleet, for a bounded time unless renewed. Taken with
 * {@code SET NX PX} (inside a script, so the fence is drawn in the same step), renewed and released only by the token
 * that took it: a holder whose lease expired and was granted to another can neither renew nor release the new one.
 *
 * <p>
 * Keys: {@code <prefix>lease:{<name>}} holds the token {@code <holder>:<fence>}; {@code <prefix>fence:{<name>}}
 * counts the grants. The braces are a Redis Cluster hash tag: both keys of a script land on one slot.
 */
public final class Leases {
    // KEYS[1] lease, KEYS[2] fence counter; ARGV[1] holder, ARGV[2] ttl in ms. The fence is read, not incremented,
    // before SET NX: a refused attempt leaves the counter alone, so fences count grants.
    private static final String ACQUIRE = """
            local fence = tonumber(redis.call('GET', KEYS[2]) or '0') + 1
            if redis.call('SET', KEYS[1], ARGV[1] .. ':' .. fence, 'NX', 'PX', ARGV[2]) then
              redis.call('SET', KEYS[2], fence)
              return fence
            end
            return false
            """;
    // KEYS[1] lease; ARGV[1] token, ARGV[2] ttl in ms
    private static final String RENEW = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """;
    // KEYS[1] lease; ARGV[1] token
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    private final RedisCommands redis;
    private final String prefix;
    private final String holder;

    /** {@code holder} names this replica (unique in the fleet: pod name plus a random suffix, say). */
    public Leases(RedisCommands redis, String prefix, String holder) {
        if (holder.isEmpty() || holder.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a lease holder is a non-empty name without ':'");
        }
        this.redis = redis;
        this.prefix = prefix;
        this.holder = holder;
    }

    /** Takes the lease {@code name} for {@code ttl} if nobody holds it; empty when somebody does. */
    public Uni<Optional<Lease>> tryAcquire(String name, Duration ttl) {
        String key = leaseKey(name);
        return redis.eval(ACQUIRE, List.of(key, fenceKey(name)), List.of(holder, millis(ttl)))
                .map(fence -> present(fence)
                        ? Optional.of(new Lease(key, holder + ":" + fence.toLong(), fence.toLong()))
                        : Optional.empty());
    }

    /** Extends the lease to {@code ttl} from now if it is still this one; false when it expired or changed hands. */
    public Uni<Boolean> renew(Lease lease, Duration ttl) {
        return redis.eval(RENEW, List.of(lease.key()), List.of(lease.token(), millis(ttl)))
                .map(Leases::isOne);
    }

    /** Gives the lease up if it is still this one (so another replica need not wait for it to expire). */
    public Uni<Boolean> release(Lease lease) {
        return redis.eval(RELEASE, List.of(lease.key()), List.of(lease.token())).map(Leases::isOne);
    }

    String leaseKey(String name) {
        return prefix + "lease:{" + name + "}";
    }

    String fenceKey(String name) {
        return prefix + "fence:{" + name + "}";
    }

    private static boolean present(Response response) {
        return response != null && response.toLong() != null;
    }

    private static boolean isOne(Response response) {
        return response != null && response.toLong() == 1L;
    }

    private static String millis(Duration ttl) {
        return Long.toString(Math.max(1, ttl.toMillis()));
    }
}
