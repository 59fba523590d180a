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
    // KEYS[1] lease, KEYS[2] fence counter, KEYS[3] (optional) a hash whose field 'next' says when the work is due
    // (epoch ms, Redis's clock); ARGV[1] holder, ARGV[2] ttl in ms. Returns the fence, 0 when held, -1 when not due.
    // The fence is read, not incremented, before SET NX: a refused attempt leaves the counter alone, so fences count
    // grants.
    private static final String ACQUIRE = """
            if KEYS[3] then
              local due = tonumber(redis.call('HGET', KEYS[3], 'next') or '0')
              local time = redis.call('TIME')
              if due > tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) then
                return -1
              end
            end
            local fence = tonumber(redis.call('GET', KEYS[2]) or '0') + 1
            if redis.call('SET', KEYS[1], ARGV[1] .. ':' .. fence, 'NX', 'PX', ARGV[2]) then
              redis.call('SET', KEYS[2], fence)
              return fence
            end
            return 0
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
        return attempt(name, ttl, List.of(leaseKey(name), fenceKey(name)))
                .map(attempt -> attempt instanceof LeaseAttempt.Granted granted
                        ? Optional.of(granted.lease())
                        : Optional.empty());
    }

    /**
     * Takes the lease {@code name} for {@code ttl} if nobody holds it and the work it guards is due: the field
     * {@code next} of the hash {@code dueKey} (epoch milliseconds on Redis's clock, absent: due) is not in the future.
     * Checked in the same step as the grant, so a replica that has not yet heard that another one just did the work
     * cannot take the lease to do it again. {@code dueKey} must share the lease's hash tag.
     */
    public Uni<LeaseAttempt> tryAcquireIfDue(String name, Duration ttl, String dueKey) {
        return attempt(name, ttl, List.of(leaseKey(name), fenceKey(name), dueKey));
    }

    private Uni<LeaseAttempt> attempt(String name, Duration ttl, List<String> keys) {
        return redis.eval(ACQUIRE, keys, List.of(holder, millis(ttl))).map(response -> {
            long fence = response.toLong();
            if (fence > 0) {
                return new LeaseAttempt.Granted(new Lease(keys.get(0), holder + ":" + fence, fence));
            }
            return fence == 0 ? new LeaseAttempt.Held() : new LeaseAttempt.NotDue();
        });
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

    private static boolean isOne(Response response) {
        return response != null && response.toLong() == 1L;
    }

    private static String millis(Duration ttl) {
        return Long.toString(Math.max(1, ttl.toMillis()));
    }
}
