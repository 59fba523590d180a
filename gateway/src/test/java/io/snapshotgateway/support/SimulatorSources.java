package io.snapshotgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs the gateway against the vendor simulator (embedded: EmbeddedSimulator) on a free port: one source per simulated
 * product, three
 * regions each, with enough
 * snapshots and a small enough vendor page size that every listing takes several pages.
 */
public class SimulatorSources implements QuarkusTestResourceLifecycleManager {
    public static final int SNAPSHOTS_PER_REGION = 40;
    /** Source/region pairs configured below. */
    public static final int SCOPES = 9;
    public static final String ACCESS_KEY_ID = "sim-test-ak";
    public static final String ACCESS_KEY_SECRET = "sim-test-secret-value";

    @Override
    public Map<String, String> start() {
        int port = freePort();
        String endpoint = "http://127.0.0.1:" + port;
        return Map.ofEntries(
                Map.entry("simulator.enabled", "true"),
                Map.entry("simulator.port", Integer.toString(port)),
                Map.entry("simulator.snapshots-per-region", Integer.toString(SNAPSHOTS_PER_REGION)),
                Map.entry("simulator.access-key-id", ACCESS_KEY_ID),
                Map.entry("simulator.access-key-secret", ACCESS_KEY_SECRET),
                Map.entry("gateway.fetch.page-size", "10"),
                Map.entry("simulator.latency", "alibaba-ecs:ap-southeast-1=5ms"),
                Map.entry("gateway.sources.sim-ecs.provider", "alibaba-ecs"),
                Map.entry("gateway.sources.sim-ecs.regions", "cn-hangzhou,cn-shanghai,ap-southeast-1"),
                Map.entry("gateway.sources.sim-ecs.access-key-id", ACCESS_KEY_ID),
                Map.entry("gateway.sources.sim-ecs.access-key-secret", ACCESS_KEY_SECRET),
                Map.entry("gateway.sources.sim-ecs.endpoint", endpoint),
                Map.entry("gateway.sources.sim-eds.provider", "alibaba-eds"),
                Map.entry("gateway.sources.sim-eds.regions", "cn-hangzhou,cn-shanghai,ap-southeast-1"),
                Map.entry("gateway.sources.sim-eds.access-key-id", ACCESS_KEY_ID),
                Map.entry("gateway.sources.sim-eds.access-key-secret", ACCESS_KEY_SECRET),
                Map.entry("gateway.sources.sim-eds.endpoint", endpoint),
                Map.entry("gateway.sources.sim-hw.provider", "huawei-workspace"),
                Map.entry("gateway.sources.sim-hw.regions", "cn-north-4,cn-east-3,ap-southeast-1"),
                Map.entry("gateway.sources.sim-hw.project-ids", "cn-north-4:0a1b2c3d4e5f40718293a4b5c6d7e8f9,"
                        + "cn-east-3:1b2c3d4e5f6041728394a5b6c7d8e9f0,ap-southeast-1:2c3d4e5f60714283a4b5c6d7e8f90a1b"),
                Map.entry("gateway.sources.sim-hw.access-key-id", ACCESS_KEY_ID),
                Map.entry("gateway.sources.sim-hw.access-key-secret", ACCESS_KEY_SECRET),
                Map.entry("gateway.sources.sim-hw.endpoint", endpoint));
    }

    @Override
    public void stop() {
        // the simulator stops with the application
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
