package io.snapshotgateway.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An in-process WireMock on a dynamic port standing in for one vendor; subclasses say which sources point at it.
 * Timeouts and the page guard are shortened here, not by sleeping longer in tests.
 */
public abstract class WireMockResource implements QuarkusTestResourceLifecycleManager {
    private WireMockServer server;

    /** The gateway.sources.* entries for this vendor, given WireMock's base URL. */
    protected abstract Map<String, String> sources(String baseUrl);

    @Override
    public Map<String, String> start() {
        // Enough threads that WireMock itself never serializes concurrent (delayed) requests.
        server = new WireMockServer(options().dynamicPort().containerThreads(64));
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("simulator.enabled", "false");
        config.put("gateway.fetch.timeout", "2s");
        config.put("gateway.fetch.max-pages", "5");
        // Stubs change between tests: tests reset the inventories, and no-cache refreshes at once, even a scope that
        // just failed (no back-off to wait out).
        config.put("gateway.inventory.forced-refresh-min-interval", "0s");
        config.put("gateway.inventory.backoff-initial", "0s");
        config.putAll(sources(server.baseUrl()));
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
