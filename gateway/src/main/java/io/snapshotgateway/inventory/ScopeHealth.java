package io.snapshotgateway.inventory;

import java.time.Duration;
import java.time.Instant;

import io.snapshotgateway.provider.Scope;

/**
 * How one scope's refreshes have gone, for operators (the health endpoint), never for readiness.
 *
 * @param lastSuccess when its inventory was last listed whole, or null when never
 * @param lastFailure its latest failed refresh, or null when none failed
 * @param age how old its inventory is now, or null when there is none
 */
public record ScopeHealth(Scope scope, Instant lastSuccess, Failure lastFailure, Duration age) {

    /** A failed refresh: when, and the problem type it failed with. */
    public record Failure(Instant at, String problemType) {
    }
}
