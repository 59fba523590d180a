package io.snapshotgateway.support;

import java.util.Map;

/** WireMock as ECS (cn-hangzhou, cn-beijing) with room for about twenty snapshots in all inventories together. */
public class WireMockSmallBudget extends WireMockVendors {
    @Override
    protected Map<String, String> sources(String baseUrl) {
        return sourcesWith(baseUrl, "gateway.inventory.max-bytes", "20K");
    }
}
