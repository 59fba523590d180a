package io.snapshotgateway.simulator.embedded;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.snapshotgateway.simulator.SimulatorConfig;
import io.snapshotgateway.simulator.VendorSimulator;
import io.vertx.core.Vertx;

/**
 * Runs the simulator inside whichever Quarkus application has this module on its class path, when
 * {@code simulator.enabled} is true: the gateway's dev mode and tests (where it is a provided dependency, so never in
 * its packaged jar). It reads its settings from that application's configuration.
 */
@Singleton
public class EmbeddedSimulator {
    private static final System.Logger LOG = System.getLogger(EmbeddedSimulator.class.getName());

    private final Vertx vertx;
    private volatile VendorSimulator running;

    public EmbeddedSimulator(Vertx vertx) {
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        SimulatorConfig config = SimulatorConfig.from(key -> ConfigProvider.getConfig()
                .getOptionalValue(key, String.class));
        if (!config.enabled()) {
            return;
        }
        // Start-up runs on the main thread, not an event loop: waiting for the bind here is safe, and a taken port
        // fails the start instead of every later vendor call.
        running = VendorSimulator.start(vertx, config).toCompletionStage().toCompletableFuture().join();
        LOG.log(System.Logger.Level.INFO, "Vendor simulator listening on http://{0}:{1} (demo AccessKeyId {2})",
                config.host(), Integer.toString(running.port()), config.accessKeyId());
    }

    void stop(@Observes ShutdownEvent event) {
        if (running != null) {
            running.close();
        }
    }

    /** The port bound, or -1 when the simulator is off. */
    public int port() {
        VendorSimulator current = running;
        return current == null ? -1 : current.port();
    }
}
