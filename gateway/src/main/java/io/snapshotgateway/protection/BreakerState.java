package io.snapshotgateway.protection;

import com.fasterxml.jackson.annotation.JsonValue;

/** A scope's circuit breaker as callers and metrics see it. */
public enum BreakerState {
    CLOSED("closed"),
    HALF_OPEN("half-open"),
    OPEN("open");

    private final String id;

    BreakerState(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
