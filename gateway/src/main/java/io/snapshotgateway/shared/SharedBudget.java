package io.snapshotgateway.shared;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * A call budget shared by every replica: the token bucket of {@code limits.TokenBucket}, kept in Redis and taken from
 * in one atomic script, so N replicas together make no more calls than the budget allows one. Like the local bucket,
 * a call reserves its token and waits its turn ({@link #reserve}), or is refused when its turn comes too late.
 *
 * <p>
 * The clock is Redis's ({@code TIME} inside the script, allowed since scripts replicate their effects): replicas'
 * clocks may disagree, the bucket's one clock may not. Key: {@code <prefix>budget:{<name>}}, a hash of
 * {@code tokens} and {@code last} (microseconds), expiring once it would have refilled anyway.
 */
public final class SharedBudget {
    // KEYS[1] bucket; ARGV[1] tokens per second, ARGV[2] burst, ARGV[3] longest wait in microseconds.
    // Returns the wait in microseconds (0: go now), or -1 when the wait would be longer (nothing reserved).
    private static final String RESERVE = """
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local perMicro = tonumber(ARGV[1]) / 1000000
            local burst = tonumber(ARGV[2])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'last')
            local tokens = tonumber(state[1]) or burst
            local last = tonumber(state[2]) or now
            if now > last then
              tokens = math.min(burst, tokens + (now - last) * perMicro)
              last = now
            end
            local after = tokens - 1
            local wait = 0
            if after < 0 then
              wait = math.ceil(-after / perMicro)
            end
            if wait > tonumber(ARGV[3]) then
              return -1
            end
            redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', after), 'last', string.format('%d', last))
            redis.call('PEXPIRE', KEYS[1], math.ceil((burst - after) / perMicro / 1000) + 1000)
            return wait
            """;

    private final RedisCommands redis;
    private final String prefix;

    public SharedBudget(RedisCommands redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    /**
     * Reserves the next call of budget {@code name} ({@code callsPerSecond} sustained, {@code burst} at once): how long
     * to wait before making it (zero: now), or empty, reserving nothing, when that wait would exceed {@code maxWait}.
     * Every replica must pass the same rate and burst for one name.
     */
    public Uni<Optional<Duration>> reserve(String name, double callsPerSecond, int burst, Duration maxWait) {
        if (!(callsPerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a budget needs a rate above 0 and a burst of at least 1");
        }
        long maxWaitMicros = Math.max(0, maxWait.toNanos() / 1000);
        return redis.eval(RESERVE, List.of(key(name)),
                List.of(Double.toString(callsPerSecond), Integer.toString(burst), Long.toString(maxWaitMicros)))
                .map(response -> {
                    long micros = response.toLong();
                    return micros < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(micros * 1000));
                });
    }

    String key(String name) {
        return prefix + "budget:{" + name + "}";
    }
}
