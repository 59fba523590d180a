package io.snapshotgateway.support;

import java.util.Map;

/**
 * ECS on WireMock with quick retries (so the fault matrix runs in seconds), a 1 MB response limit, and a small retry
 * reserve that the tests spend.
 */
public class WireMockFaults extends WireMockVendors {
    @Override
    protected Map<String, String> sources(String baseUrl) {
        return sourcesWith(baseUrl,
                "gateway.protection.retry.max-retries", "3",
                "gateway.protection.retry.initial-backoff", "20ms",
                "gateway.protection.retry.max-backoff", "100ms",
                "gateway.protection.retry.budget-reserve", "4",
                "gateway.protection.retry.budget-ratio", "0.1",
                "gateway.protection.breaker.failure-threshold", "100",
                "gateway.fetch.max-response-bytes", "1M");
    }
}
