package io.snapshotgateway.support;

import java.util.Map;

/** ECS on WireMock with a call budget of 4 calls a second, burst 4, and a 3 s listing deadline. */
public class WireMockCallBudget extends WireMockVendors {
    @Override
    protected Map<String, String> sources(String baseUrl) {
        return sourcesWith(baseUrl,
                "gateway.protection.call-budget.calls-per-second", "4",
                "gateway.protection.call-budget.burst", "4",
                "gateway.protection.retry.max-retries", "0",
                "gateway.protection.breaker.failure-threshold", "100",
                "gateway.fetch.max-pages", "50",
                "gateway.fetch.listing-timeout", "3s");
    }
}
