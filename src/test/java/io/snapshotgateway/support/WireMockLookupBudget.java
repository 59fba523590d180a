package io.snapshotgateway.support;

import java.util.HashMap;
import java.util.Map;

/** WireMock as ECS (cn-hangzhou, cn-beijing), allowing two instance lookups a minute across all requests. */
public class WireMockLookupBudget extends WireMockVendors {
    @Override
    protected Map<String, String> sources(String baseUrl) {
        Map<String, String> config = new HashMap<>(super.sources(baseUrl));
        config.put("gateway.inventory.instance-lookup.max-per-minute", "2");
        return config;
    }
}
