package io.snapshotgateway.protection;

/**
 * Bounds retries to a share of first attempts: each first attempt earns {@code ratio} of a retry, each retry spends
 * one, and at most {@code reserve} are saved (and that many are there at start). Without it, a struggling vendor
 * would get (1 + max-retries) times the calls just when it can least take them.
 */
final class RetryBudget {
    private final double ratio;
    private final double reserve;
    private double tokens;

    RetryBudget(double ratio, int reserve) {
        this.ratio = ratio;
        this.reserve = Math.max(0, reserve);
        this.tokens = this.reserve;
    }

    synchronized void firstAttempt() {
        tokens = Math.min(reserve, tokens + ratio);
    }

    /** Spends one retry if there is one. */
    synchronized boolean tryRetry() {
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
