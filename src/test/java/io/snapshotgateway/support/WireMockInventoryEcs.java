package io.snapshotgateway.support;

import java.util.HashMap;
import java.util.Map;

/**
 * WireMock as ECS (cn-hangzhou, cn-beijing), inventories refreshed every 60 s without jitter, served up to 5 min
 * stale, back-off from 5 s to 40 s, no-cache at most every 5 s. Tests move the clock and call the scheduler.
 */
public class WireMockInventoryEcs extends WireMockVendors {
    @Override
    protected Map<String, String> sources(String baseUrl) {
        Map<String, String> config = new HashMap<>(super.sources(baseUrl));
        config.put("gateway.inventory.refresh-interval", "60s");
        config.put("gateway.inventory.jitter", "0");
        config.put("gateway.inventory.max-staleness", "5m");
        config.put("gateway.inventory.backoff-initial", "5s");
        config.put("gateway.inventory.backoff-max", "40s");
        config.put("gateway.inventory.forced-refresh-min-interval", "5s");
        config.put("gateway.fetch.timeout", "3s");
        return config;
    }
}
