package io.snapshotgateway.support;

import java.util.HashMap;
import java.util.Map;

/** WireMock as Alibaba ECS: one source over two regions, its endpoint resolved per region through {region}. */
public class WireMockVendors extends WireMockResource {
    public static final String ACCESS_KEY_ID = "LTAI-wiremock-test-id";
    public static final String ACCESS_KEY_SECRET = "wiremock-test-secret-do-not-leak";

    @Override
    protected Map<String, String> sources(String baseUrl) {
        return ecsSources(baseUrl);
    }

    private static Map<String, String> ecsSources(String baseUrl) {
        return Map.of(
                "gateway.fetch.listing-timeout", "3s",
                "gateway.sources.wm-ecs.provider", "alibaba-ecs",
                "gateway.sources.wm-ecs.regions", "cn-hangzhou,cn-beijing",
                "gateway.sources.wm-ecs.access-key-id", ACCESS_KEY_ID,
                "gateway.sources.wm-ecs.access-key-secret", ACCESS_KEY_SECRET,
                "gateway.sources.wm-ecs.endpoint", baseUrl + "/{region}");
    }

    /** These sources plus settings of a test's own, as key, value, key, value… */
    protected Map<String, String> sourcesWith(String baseUrl, String... settings) {
        Map<String, String> config = new HashMap<>(ecsSources(baseUrl));
        for (int i = 0; i + 1 < settings.length; i += 2) {
            config.put(settings[i], settings[i + 1]);
        }
        return config;
    }
}
