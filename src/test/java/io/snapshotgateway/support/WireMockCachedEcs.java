package io.snapshotgateway.support;

import java.util.HashMap;
import java.util.Map;

/** WireMock as ECS, with the listing cache on: TTL 60 s, stale-while-revalidate 30 s, stale-if-error 5 min. */
public class WireMockCachedEcs extends WireMockVendors {
    @Override
    protected Map<String, String> sources(String baseUrl) {
        Map<String, String> config = new HashMap<>(super.sources(baseUrl));
        config.put("gateway.cache.alibaba-ecs.ttl", "60s");
        config.put("gateway.cache.alibaba-ecs.stale-while-revalidate", "30s");
        config.put("gateway.cache.alibaba-ecs.stale-if-error", "5m");
        config.put("gateway.fetch.timeout", "3s");
        return config;
    }
}
