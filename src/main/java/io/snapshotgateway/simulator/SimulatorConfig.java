package io.snapshotgateway.simulator;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The built-in vendor simulator: on in dev, test and demo, off in prod unless enabled. */
@ConfigMapping(prefix = "simulator")
public interface SimulatorConfig {

    /** Whether the simulator listens at all. Default false (the dev and demo profiles turn it on). */
    @WithDefault("false")
    boolean enabled();

    /** Interface to bind. Default 127.0.0.1: only the gateway itself (and local SDKs) should reach it. */
    @WithDefault("127.0.0.1")
    String host();

    /** Port of the simulator's own HTTP server. Default 8089. */
    @WithDefault("8089")
    int port();

    /** Snapshots generated per region and product. Default 12; raise it (thousands) for load tests. */
    @WithName("snapshots-per-region")
    @WithDefault("12")
    int snapshotsPerRegion();

    /** Demo AccessKeyId the simulator accepts (not a secret: it opens nothing but the simulator). */
    @WithName("access-key-id")
    @WithDefault("sim-demo-access-key-id")
    String accessKeyId();

    /** Demo AccessKeySecret the simulator verifies signatures with. */
    @WithName("access-key-secret")
    @WithDefault("sim-demo-access-key-secret")
    String accessKeySecret();

    /** Regions the simulated ECS serves. Default cn-hangzhou, cn-shanghai, ap-southeast-1. */
    @WithName("ecs-regions")
    @WithDefault("cn-hangzhou,cn-shanghai,ap-southeast-1")
    List<String> ecsRegions();

    /** Regions the simulated EDS (ecd) serves. Default cn-hangzhou, cn-shanghai, ap-southeast-1. */
    @WithName("eds-regions")
    @WithDefault("cn-hangzhou,cn-shanghai,ap-southeast-1")
    List<String> edsRegions();

    /**
     * Huawei Workspace projects the simulator serves, as {@code region:project-id} pairs (the project id in the path
     * says which region is meant). Default: three regions with fixed demo project ids.
     */
    @WithName("workspace-projects")
    @WithDefault("cn-north-4:0a1b2c3d4e5f40718293a4b5c6d7e8f9,cn-east-3:1b2c3d4e5f6041728394a5b6c7d8e9f0,"
            + "ap-southeast-1:2c3d4e5f60714283a4b5c6d7e8f90a1b")
    List<String> workspaceProjects();

    /**
     * Faults injected from the start, as {@code provider[:region]=fault} entries (fault: throttle, server-error,
     * malformed, html, no-answer). Default: none.
     */
    java.util.Optional<List<String>> faults();

    /** Added latency, as {@code provider[:region]=duration} entries (e.g. {@code alibaba-eds=300ms}). Default: none. */
    java.util.Optional<List<String>> latency();
}
