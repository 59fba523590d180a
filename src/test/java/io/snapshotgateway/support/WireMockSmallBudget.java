package io.snapshotgateway.support;

import java.util.HashMap;
import java.util.Map;

/** WireMock as ECS (cn-hangzhou, cn-beijing) with room for about twenty snapshots in all inventories together. */
public class WireMockSmallBudget extends WireMockVendors {
    @Override
    protected Map<String, String> sources(String baseUrl) {
        Map<String, String> config = new HashMap<>(super.sources(baseUrl));
        config.put("gateway.inventory.max-bytes", "20K");
        return config;
    }
}
