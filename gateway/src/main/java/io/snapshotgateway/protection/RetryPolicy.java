package io.snapshotgateway.protection;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.UpstreamFailure;
import io.snapshotgateway.provider.UpstreamFailures;

/**
 * Which failed vendor calls are worth another try, and after how long. Listing calls are idempotent reads, so a retry
 * is safe; it is only useful for what passes: throttling, a 5xx, a reset or dropped connection. The wait is "full
 * jitter" (a uniform random wait up to an exponentially growing bound, so that many callers spread out), never shorter
 * than the vendor's Retry-After, and never past the listing's deadline.
 */
final class RetryPolicy {
    private final int maxRetries;
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    RetryPolicy(ProtectionConfig.Retry config, DoubleSupplier random) {
        this.maxRetries = Math.max(0, config.maxRetries());
        this.initial = config.initialBackoff();
        this.max = config.maxBackoff();
        this.random = random;
    }

    /** Why a failure may be retried, or empty if it may not. */
    static Optional<String> transientReason(Throwable failure) {
        if (failure instanceof CallBudgetSpent) {
            return Optional.empty();
        }
        Optional<UpstreamFailure> known = UpstreamFailures.recognize(failure);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        UpstreamFailure f = known.get();
        if (f.type() == ProblemType.UPSTREAM_THROTTLED) {
            return Optional.of("throttled");
        }
        if (f.httpStatus() != null && f.httpStatus() >= 500) {
            return Optional.of("server_error");
        }
        if (UpstreamFailures.isDroppedConnection(failure)) {
            return Optional.of("connection_reset");
        }
        return Optional.empty();
    }

    /**
     * The wait before retry number {@code retry} (1-based) after {@code failure}, or null when there is to be none:
     * not transient, retries used up, or the wait would end after {@code untilDeadline}.
     */
    Duration delay(Throwable failure, int retry, Duration untilDeadline) {
        if (retry > maxRetries || transientReason(failure).isEmpty()) {
            return null;
        }
        long boundMillis = Math.min(max.toMillis(), initial.toMillis() << Math.min(20, retry - 1));
        long wait = (long) (random.getAsDouble() * boundMillis);
        Duration retryAfter = UpstreamFailures.recognize(failure).map(UpstreamFailure::retryAfter).orElse(null);
        if (retryAfter != null && retryAfter.toMillis() > wait) {
            wait = retryAfter.toMillis();
        }
        Duration delay = Duration.ofMillis(wait);
        return delay.compareTo(untilDeadline) >= 0 ? null : delay;
    }
}
