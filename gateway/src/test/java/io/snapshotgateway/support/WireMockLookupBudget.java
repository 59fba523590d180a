package io.snapshotgateway.support;

import java.util.Map;

/** WireMock as ECS (cn-hangzhou, cn-beijing), allowing two instance lookups a minute across all requests. */
public class WireMockLookupBudget extends WireMockVendors {
    @Override
    protected Map<String, String> sources(String baseUrl) {
        return sourcesWith(baseUrl, "gateway.inventory.instance-lookup.max-per-minute", "2");
    }
}
