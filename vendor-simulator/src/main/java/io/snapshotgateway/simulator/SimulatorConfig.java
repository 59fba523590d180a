package io.snapshotgateway.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The simulator's settings, read from {@code simulator.*} keys: system properties or environment variables when it
 * runs on its own ({@link VendorSimulatorMain}), the application's configuration when it runs inside one
 * ({@code EmbeddedSimulator}). Defaults are stated here and nowhere else.
 *
 * @param enabled whether it listens at all (embedded only; on its own it always does). Default false.
 * @param host interface to bind. Default 127.0.0.1: only the local gateway (and local SDKs) should reach it.
 * @param port port of its HTTP server (0: any free one). Default 8089.
 * @param snapshotsPerRegion snapshots generated per region and product. Default 12; thousands for load tests.
 * @param accessKeyId demo AccessKeyId it accepts (not a secret: it opens nothing but the simulator).
 * @param accessKeySecret demo AccessKeySecret it verifies signatures with.
 * @param ecsRegions regions the simulated ECS serves.
 * @param edsRegions regions the simulated EDS (ecd) serves.
 * @param workspaceProjects Huawei Workspace projects, as {@code region:project-id} pairs.
 * @param faults faults injected from the start, as {@code provider[:region]=fault} entries.
 * @param latency added latency, as {@code provider[:region]=duration} entries (e.g. {@code alibaba-eds=300ms}).
 */
public record SimulatorConfig(boolean enabled, String host, int port, int snapshotsPerRegion, String accessKeyId,
        String accessKeySecret, List<String> ecsRegions, List<String> edsRegions, List<String> workspaceProjects,
        Optional<List<String>> faults, Optional<List<String>> latency) {

    static final String DEFAULT_ACCESS_KEY_ID = "sim-demo-access-key-id";
    static final String DEFAULT_ACCESS_KEY_SECRET = "sim-demo-access-key-secret";
    private static final String DEFAULT_REGIONS = "cn-hangzhou,cn-shanghai,ap-southeast-1";
    private static final String DEFAULT_PROJECTS = "cn-north-4:0a1b2c3d4e5f40718293a4b5c6d7e8f9,"
            + "cn-east-3:1b2c3d4e5f6041728394a5b6c7d8e9f0,ap-southeast-1:2c3d4e5f60714283a4b5c6d7e8f90a1b";

    /**
     * Reads every setting through {@code lookup} (a {@code simulator.*} key to its value, if set).
     *
     * @throws IllegalArgumentException naming the key whose value is not what it should be
     */
    public static SimulatorConfig from(Function<String, Optional<String>> lookup) {
        return new SimulatorConfig(
                Boolean.parseBoolean(value(lookup, "enabled", "false")),
                value(lookup, "host", "127.0.0.1"),
                number(lookup, "port", "8089", 0, 65535),
                number(lookup, "snapshots-per-region", "12", 0, 1_000_000),
                value(lookup, "access-key-id", DEFAULT_ACCESS_KEY_ID),
                value(lookup, "access-key-secret", DEFAULT_ACCESS_KEY_SECRET),
                list(value(lookup, "ecs-regions", DEFAULT_REGIONS)),
                list(value(lookup, "eds-regions", DEFAULT_REGIONS)),
                list(value(lookup, "workspace-projects", DEFAULT_PROJECTS)),
                lookup.apply("simulator.faults").filter(v -> !v.isBlank()).map(SimulatorConfig::list),
                lookup.apply("simulator.latency").filter(v -> !v.isBlank()).map(SimulatorConfig::list));
    }

    /** Every default, on {@code port}: what tests start. */
    public static SimulatorConfig defaults(int port) {
        return from(key -> key.equals("simulator.port") ? Optional.of(Integer.toString(port)) : Optional.empty());
    }

    /** The same settings with another port and number of snapshots per region. */
    public SimulatorConfig with(int newPort, int newSnapshotsPerRegion) {
        return new SimulatorConfig(enabled, host, newPort, newSnapshotsPerRegion, accessKeyId, accessKeySecret,
                ecsRegions, edsRegions, workspaceProjects, faults, latency);
    }

    private static String value(Function<String, Optional<String>> lookup, String name, String fallback) {
        return lookup.apply("simulator." + name).filter(v -> !v.isBlank()).orElse(fallback).trim();
    }

    private static int number(Function<String, Optional<String>> lookup, String name, String fallback, int min,
            int max) {
        String raw = value(lookup, name, fallback);
        try {
            int n = Integer.parseInt(raw);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        throw new IllegalArgumentException("simulator." + name + " must be a number from " + min + " to " + max
                + ", not '" + raw + "'");
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
