package io.snapshotgateway.inventory;

import java.time.Instant;

import io.snapshotgateway.provider.UpstreamFailure;

/**
 * Everything the gateway knows about one scope at one moment; replaced whole, never changed.
 *
 * @param inventory the last good listing, or null when none yet
 * @param failure the latest refresh's failure when it failed after {@code inventory} was listed, else null
 * @param failureSeq counts failures, so that a new failure renders as a new page
 * @param consecutiveFailures failed refreshes since the last good one, for the back-off
 * @param nextRefreshAt when the scheduler lists the scope again
 * @param lastAttemptAt when the latest refresh started (no-cache refreshes at most once per minimum interval)
 * @param lastFailure the latest failed refresh ever, kept after a success (for operators: see {@link ScopeHealth})
 */
record ScopeState(Inventory inventory, UpstreamFailure failure, long failureSeq, int consecutiveFailures,
        Instant nextRefreshAt, Instant lastAttemptAt, ScopeHealth.Failure lastFailure) {

    static final ScopeState NEW = new ScopeState(null, null, 0, 0, Instant.EPOCH, Instant.EPOCH, null);

    ScopeState attempted(Instant at) {
        return new ScopeState(inventory, failure, failureSeq, consecutiveFailures, nextRefreshAt, at, lastFailure);
    }

    /** The same state with {@code other} as the last good listing (the fleet's, adopted). */
    ScopeState withInventory(Inventory other) {
        return new ScopeState(other, failure, failureSeq, consecutiveFailures, nextRefreshAt, lastAttemptAt,
                lastFailure);
    }

    /** The same state, listed next at {@code next}. */
    ScopeState rescheduled(Instant next) {
        return new ScopeState(inventory, failure, failureSeq, consecutiveFailures, next, lastAttemptAt, lastFailure);
    }

    ScopeState listed(Inventory fresh, Instant next) {
        return new ScopeState(fresh, null, failureSeq, 0, next, lastAttemptAt, lastFailure);
    }

    ScopeState failed(UpstreamFailure why, Instant at, Instant next) {
        return new ScopeState(inventory, why, failureSeq + 1, consecutiveFailures + 1, next, lastAttemptAt,
                new ScopeHealth.Failure(at, why.type().slug()));
    }
}
