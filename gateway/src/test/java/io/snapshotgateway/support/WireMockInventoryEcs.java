package io.snapshotgateway.support;

import java.util.Map;

/**
 * WireMock as ECS (cn-hangzhou, cn-beijing), inventories refreshed every 60 s without jitter, served up to 5 min
 * stale, back-off from 5 s to 40 s, no-cache at most every 5 s. Tests move the clock and call the scheduler.
 */
public class WireMockInventoryEcs extends WireMockVendors {
    @Override
    protected Map<String, String> sources(String baseUrl) {
        return sourcesWith(baseUrl,
                "gateway.inventory.refresh-interval", "60s",
                "gateway.inventory.jitter", "0",
                "gateway.inventory.max-staleness", "5m",
                "gateway.inventory.backoff-initial", "5s",
                "gateway.inventory.backoff-max", "40s",
                "gateway.inventory.forced-refresh-min-interval", "5s",
                "gateway.fetch.timeout", "3s");
    }
}
