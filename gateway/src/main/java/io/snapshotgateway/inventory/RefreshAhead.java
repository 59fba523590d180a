package io.snapshotgateway.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Keeps every inventory warm without waiting for a caller: lists every scope at start (in the background: readiness
 * does not wait for vendors), then looks every {@code gateway.inventory.tick} for scopes whose refresh is due.
 */
@ApplicationScoped
public class RefreshAhead {
    private final Inventories inventories;
    private final InventoryConfig config;
    private final Vertx vertx;
    private long timer = -1;

    public RefreshAhead(Inventories inventories, InventoryConfig config, Vertx vertx) {
        this.inventories = inventories;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent started) {
        // Touching the bean here also makes a bad inventory setting fail the start, not the first request.
        int scopes = inventories.scopes().size();
        if (!config.refreshAhead()) {
            Log.infof("Refresh-ahead is off: %d scopes are listed on first use", scopes);
            return;
        }
        Log.infof("Warming %d scope inventories in the background", scopes);
        timer = vertx.setPeriodic(1, Math.max(100, config.tick().toMillis()), id -> inventories.refreshDue());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
