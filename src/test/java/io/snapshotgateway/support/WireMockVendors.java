package io.snapshotgateway.support;

import java.util.Map;

/** WireMock as Alibaba ECS: one source over two regions, its endpoint resolved per region through {region}. */
public class WireMockVendors extends WireMockResource {
    public static final String ACCESS_KEY_ID = "LTAI-wiremock-test-id";
    public static final String ACCESS_KEY_SECRET = "wiremock-test-secret-do-not-leak";

    @Override
    protected Map<String, String> sources(String baseUrl) {
        return Map.of(
                "gateway.fetch.listing-timeout", "3s",
                "gateway.sources.wm-ecs.provider", "alibaba-ecs",
                "gateway.sources.wm-ecs.regions", "cn-hangzhou,cn-beijing",
                "gateway.sources.wm-ecs.access-key-id", ACCESS_KEY_ID,
                "gateway.sources.wm-ecs.access-key-secret", ACCESS_KEY_SECRET,
                "gateway.sources.wm-ecs.endpoint", baseUrl + "/{region}");
    }
}
