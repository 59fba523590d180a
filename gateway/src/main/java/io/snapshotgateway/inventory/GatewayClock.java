package io.snapshotgateway.inventory;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/** The time as the cache sees it; a bean so that tests can move it. */
@ApplicationScoped
public class GatewayClock {
    public Instant now() {
        return Instant.now();
    }
}
