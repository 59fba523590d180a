package io.snapshotgateway.simulator;

import java.util.Locale;
import java.util.Optional;

import io.vertx.core.Vertx;

/**
 * The simulator on its own: {@code java -jar vendor-simulator-*-runner.jar}. Settings are the {@code simulator.*}
 * keys as system properties ({@code -Dsimulator.port=8089}) or environment variables ({@code SIMULATOR_PORT}).
 */
public final class VendorSimulatorMain {
    private VendorSimulatorMain() {
    }

    public static void main(String[] args) {
        SimulatorConfig config;
        try {
            config = SimulatorConfig.from(VendorSimulatorMain::setting);
        } catch (IllegalArgumentException e) {
            System.err.println("vendor-simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        Vertx vertx = Vertx.vertx();
        VendorSimulator.start(vertx, config).onSuccess(simulator -> {
            System.out.printf("Vendor simulator listening on http://%s:%d (demo AccessKeyId %s)%n", config.host(),
                    simulator.port(), config.accessKeyId());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().toCompletionStage()
                    .toCompletableFuture().join()));
        }).onFailure(failure -> {
            System.err.println("vendor-simulator: cannot listen on " + config.host() + ":" + config.port() + ": "
                    + failure.getMessage());
            vertx.close();
            System.exit(1);
        });
    }

    private static Optional<String> setting(String key) {
        String property = System.getProperty(key);
        if (property != null) {
            return Optional.of(property);
        }
        return Optional.ofNullable(System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')));
    }
}
