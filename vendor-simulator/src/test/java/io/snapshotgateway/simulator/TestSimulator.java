package io.snapshotgateway.simulator;

import java.util.Map;
import java.util.Optional;

import io.vertx.core.Vertx;

/**
 * One simulator for the whole test run, as the official SDKs meet it: its own Vert.x, any free port, test keys, and
 * enough snapshots per region that every listing takes several pages. Nothing of the gateway is on this class path.
 */
final class TestSimulator {
    static final int SNAPSHOTS_PER_REGION = 40;
    static final String ACCESS_KEY_ID = "sim-test-ak";
    static final String ACCESS_KEY_SECRET = "sim-test-secret-value";

    private static VendorSimulator running;

    private TestSimulator() {
    }

    /** The port of the running simulator, started on first use. */
    static synchronized int port() {
        if (running == null) {
            Map<String, String> settings = Map.of("simulator.port", "0",
                    "simulator.snapshots-per-region", Integer.toString(SNAPSHOTS_PER_REGION),
                    "simulator.access-key-id", ACCESS_KEY_ID, "simulator.access-key-secret", ACCESS_KEY_SECRET);
            running = VendorSimulator.start(Vertx.vertx(), SimulatorConfig.from(k -> Optional.ofNullable(
                    settings.get(k)))).toCompletionStage().toCompletableFuture().join();
        }
        return running.port();
    }

    /** What the official Alibaba SDKs need to talk to the simulator: plain http, its port, the test key id. */
    static com.aliyun.teaopenapi.models.Config alibabaSdkConfig(String secret) {
        return new com.aliyun.teaopenapi.models.Config()
                .setAccessKeyId(ACCESS_KEY_ID)
                .setAccessKeySecret(secret)
                .setRegionId("cn-hangzhou")
                .setProtocol("http")
                .setEndpoint("127.0.0.1:" + port());
    }
}
