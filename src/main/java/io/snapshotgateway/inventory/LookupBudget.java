package io.snapshotgateway.inventory;

import java.time.Duration;

/**
 * A token bucket for vendor lookups across all requests: {@code perMinute} tokens a minute, refilled continuously,
 * at most a minute's worth saved up. Callers choose which instances they ask for; this bounds how often that reaches
 * the vendor.
 */
final class LookupBudget {
    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    LookupBudget(int perMinute, long nowNanos) {
        this.capacity = Math.max(1, perMinute);
        this.perNano = capacity / MINUTE_NANOS;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** Takes one token if there is one; else how long until there is. */
    synchronized Duration take(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
    }
}
