package io.snapshotgateway.support;

import java.util.Map;

/** WireMock as Alibaba EDS: one source over two regions. */
public class WireMockEds extends WireMockResource {
    public static final String ACCESS_KEY_ID = "LTAI-eds-wiremock-id";
    public static final String ACCESS_KEY_SECRET = "eds-wiremock-secret-do-not-leak";

    @Override
    protected Map<String, String> sources(String baseUrl) {
        return Map.of(
                "gateway.sources.wm-eds.provider", "alibaba-eds",
                "gateway.sources.wm-eds.regions", "cn-hangzhou,cn-shanghai",
                "gateway.sources.wm-eds.access-key-id", ACCESS_KEY_ID,
                "gateway.sources.wm-eds.access-key-secret", ACCESS_KEY_SECRET,
                "gateway.sources.wm-eds.endpoint", baseUrl + "/{region}");
    }
}
