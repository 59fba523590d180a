package io.snapshotgateway.support;

import java.util.HashMap;
import java.util.Map;

/** WireMock behind nine source/regions: two ECS accounts and one EDS account, three regions each. */
public class WireMockNineScopes extends WireMockResource {
    public static final String[] REGIONS = {"cn-hangzhou", "cn-shanghai", "cn-beijing"};

    @Override
    protected Map<String, String> sources(String baseUrl) {
        Map<String, String> config = new HashMap<>();
        source(config, "ecs-a", "alibaba-ecs", baseUrl + "/ecs-a/{region}");
        source(config, "ecs-b", "alibaba-ecs", baseUrl + "/ecs-b/{region}");
        source(config, "eds-a", "alibaba-eds", baseUrl + "/eds-a/{region}");
        config.put("gateway.fetch.timeout", "5s");
        return config;
    }

    private static void source(Map<String, String> config, String name, String provider, String endpoint) {
        config.put("gateway.sources." + name + ".provider", provider);
        config.put("gateway.sources." + name + ".regions", String.join(",", REGIONS));
        config.put("gateway.sources." + name + ".access-key-id", "ak-" + name);
        config.put("gateway.sources." + name + ".access-key-secret", "sk-" + name);
        config.put("gateway.sources." + name + ".endpoint", endpoint);
    }
}
