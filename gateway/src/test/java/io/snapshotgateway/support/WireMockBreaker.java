package io.snapshotgateway.support;

import java.util.Map;

/** ECS on WireMock whose breakers open after two failed listings, for one second; no retries, to count calls. */
public class WireMockBreaker extends WireMockVendors {
    @Override
    protected Map<String, String> sources(String baseUrl) {
        return sourcesWith(baseUrl,
                "gateway.protection.retry.max-retries", "0",
                "gateway.protection.breaker.failure-threshold", "2",
                "gateway.protection.breaker.open-for", "1s");
    }
}
