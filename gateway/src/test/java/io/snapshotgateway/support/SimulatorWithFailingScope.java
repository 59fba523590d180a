package io.snapshotgateway.support;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link SimulatorWithApiKeys} (API keys required, as in prod) with one failing scope: the simulated EDS throttles in
 * cn-hangzhou from the start. One retry is allowed (after the vendor's Retry-After of 2 s) and a failed listing opens
 * the scope's breaker, so that retries, throttles and breaker transitions all happen in one request.
 */
public class SimulatorWithFailingScope extends SimulatorWithApiKeys {
    public static final String FAILING_PROVIDER = "alibaba-eds";
    public static final String FAILING_SOURCE = "sim-eds";
    public static final String FAILING_REGION = "cn-hangzhou";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("simulator.faults", FAILING_PROVIDER + ":" + FAILING_REGION + "=throttle");
        config.put("gateway.protection.retry.max-retries", "1");
        config.put("gateway.protection.breaker.failure-threshold", "1");
        return config;
    }
}
