package io.snapshotgateway.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a scope is listed next: after a good listing, its provider's interval; after failures, a back-off that doubles
 * from {@code backoff-initial} to {@code backoff-max}, never sooner than the vendor's Retry-After. Every wait is
 * jittered by up to {@code jitter} either way, so scopes and replicas drift apart instead of calling together.
 */
final class RefreshSchedule {
    private final double jitter;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1) */
    RefreshSchedule(double jitter, Duration backoffInitial, Duration backoffMax, DoubleSupplier random) {
        this.jitter = Math.max(0, Math.min(jitter, 0.5));
        this.backoffInitial = backoffInitial;
        this.backoffMax = backoffMax;
        this.random = random;
    }

    Instant afterSuccess(Instant now, Duration interval) {
        return now.plus(jittered(interval));
    }

    /** @param failures consecutive failures so far, this one included (1 or more) */
    Instant afterFailure(Instant now, int failures, Duration retryAfter) {
        long initial = Math.max(1, backoffInitial.toMillis());
        long doubled = initial << Math.min(Math.max(failures, 1) - 1, 30);
        Duration wait = jittered(Duration.ofMillis(Math.min(doubled, backoffMax.toMillis())));
        if (wait.compareTo(backoffMax) > 0) {
            wait = backoffMax;
        }
        if (retryAfter != null && wait.compareTo(retryAfter) < 0) {
            wait = retryAfter;
        }
        return now.plus(wait);
    }

    private Duration jittered(Duration d) {
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(d.toMillis() * factor));
    }
}
