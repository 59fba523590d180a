package io.snapshotgateway.limits;

import java.time.Duration;

/**
 * A token bucket: {@code ratePerSecond} tokens a second, refilled continuously, at most {@code burst} saved up. Used
 * where the gateway bounds how often something happens whoever asks: vendor calls per source, instance lookups,
 * requests per API key.
 *
 * <p>
 * Hand-written rather than taken from a library: the one at hand (SmallRye Fault Tolerance's rate limit) only refuses;
 * vendor calls must instead wait their turn ({@link #reserve}), non-blocking, and a refusal must say when to come back
 * ({@link #take}'s wait becomes Retry-After). It is arithmetic under a lock, not a state machine.
 */
public final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    public TokenBucket(double ratePerSecond, double burst, long nowNanos) {
        if (!(ratePerSecond > 0) || !(burst >= 1)) {
            throw new IllegalArgumentException("a token bucket needs a rate above 0 and a burst of at least 1");
        }
        this.capacity = burst;
        this.perNano = ratePerSecond / NANOS_PER_SECOND;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /** A bucket refilled by {@code perMinute} tokens a minute, holding at most a minute's worth. */
    public static TokenBucket perMinute(int perMinute, long nowNanos) {
        int tokens = Math.max(1, perMinute);
        return new TokenBucket(tokens / 60.0, tokens, nowNanos);
    }

    /** Takes one token if there is one (returns zero); else takes none and returns how long until there is one. */
    public synchronized Duration take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
    }

    /**
     * Reserves the next token, waiting in line: returns how long the caller must wait before using it (zero if one is
     * there now), or null, reserving nothing, when that wait would be longer than {@code maxWait}.
     */
    public synchronized Duration reserve(long nowNanos, Duration maxWait) {
        refill(nowNanos);
        double after = tokens - 1;
        long wait = after >= 0 ? 0 : (long) Math.ceil(-after / perNano);
        if (wait > maxWait.toNanos()) {
            return null;
        }
        tokens = after;
        return Duration.ofNanos(wait);
    }

    private void refill(long nowNanos) {
        if (nowNanos > last) {
            tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
            last = nowNanos;
        }
    }
}
