package io.snapshotgateway.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.snapshotgateway.simulator.SimulatorConfig;
import io.snapshotgateway.simulator.VendorSimulator;
import io.vertx.core.Vertx;

/**
 * The vendor simulator as the packaged demo meets it: a server of its own (here in the test JVM, with its own
 * Vert.x) on a free port, with the demo keys; the jar under test is told the port through {@code simulator.port}.
 */
public class StandaloneSimulator implements QuarkusTestResourceLifecycleManager {
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        VendorSimulator simulator = VendorSimulator.start(vertx, SimulatorConfig.defaults(0))
                .toCompletionStage().toCompletableFuture().join();
        return Map.of("simulator.port", Integer.toString(simulator.port()));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
