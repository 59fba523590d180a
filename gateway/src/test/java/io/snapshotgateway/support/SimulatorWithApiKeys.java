package io.snapshotgateway.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * {@link SimulatorSources} with API keys required, as in prod: "ops" sees everything and may force refreshes,
 * "team-ecs" sees provider alibaba-ecs, "hw-north" sees source sim-hw in cn-north-4. The rate limit is high enough
 * never to be reached ({@link RateLimited} sets a low one).
 */
public class SimulatorWithApiKeys extends SimulatorSources {
    public static final String OPS = "sgw-ops-7d3f0c5e9a1b4c2d8e6f0a2b";
    public static final String TEAM_ECS = "sgw-team-ecs-2b9d4f6a8c0e1a3b5d";
    public static final String HW_NORTH = "sgw-hw-north-5e7a9c1b3d5f7a9c1e";
    /** A key in the right shape that no configured hash matches. */
    public static final String UNKNOWN = "sgw-unknown-0f1e2d3c4b5a69788796";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        // a free management port: the fixed test port (9001) may be held by another test run on the machine
        config.put("quarkus.management.test-port", "0");
        config.put("gateway.auth.enabled", "true");
        config.put("gateway.api-keys.ops.sha256", sha256Hex(OPS));
        config.put("gateway.api-keys.ops.no-cache", "true");
        config.put("gateway.api-keys.team-ecs.sha256", sha256Hex(TEAM_ECS));
        config.put("gateway.api-keys.team-ecs.providers", "alibaba-ecs");
        config.put("gateway.api-keys.hw-north.sha256", sha256Hex(HW_NORTH).toUpperCase(Locale.ROOT));
        config.put("gateway.api-keys.hw-north.sources", "sim-hw");
        config.put("gateway.api-keys.hw-north.regions", "cn-north-4");
        config.put("gateway.auth.rate-limit.requests-per-second", "1000");
        config.put("gateway.auth.rate-limit.burst", "1000");
        return config;
    }

    /** The same keys, each allowed a burst of {@link #BURST} requests and then one every {@link #SECONDS_PER_REQUEST}
    * s (long
     * enough that no token comes back while a test runs, even on a slow machine). */
    public static class RateLimited extends SimulatorWithApiKeys {
        public static final int BURST = 3;
        public static final int SECONDS_PER_REQUEST = 30;

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            config.put("gateway.auth.rate-limit.requests-per-second", Double.toString(1.0 / SECONDS_PER_REQUEST));
            config.put("gateway.auth.rate-limit.burst", Integer.toString(BURST));
            return config;
        }
    }

    public static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
