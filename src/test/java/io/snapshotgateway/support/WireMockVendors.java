package io.snapshotgateway.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An in-process WireMock on a dynamic port standing in for every vendor endpoint: one ECS source over two regions.
 * Timeouts and the page guard are shortened here, not by sleeping longer in tests.
 */
public class WireMockVendors implements QuarkusTestResourceLifecycleManager {
    public static final String ACCESS_KEY_ID = "LTAI-wiremock-test-id";
    public static final String ACCESS_KEY_SECRET = "wiremock-test-secret-do-not-leak";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.ofEntries(
                Map.entry("simulator.enabled", "false"),
                Map.entry("gateway.fetch.timeout", "700ms"),
                Map.entry("gateway.fetch.max-pages", "5"),
                Map.entry("gateway.sources.wm-ecs.provider", "alibaba-ecs"),
                Map.entry("gateway.sources.wm-ecs.regions", "cn-hangzhou,cn-beijing"),
                Map.entry("gateway.sources.wm-ecs.access-key-id", ACCESS_KEY_ID),
                Map.entry("gateway.sources.wm-ecs.access-key-secret", ACCESS_KEY_SECRET),
                // {region} in the path proves the override is resolved per region.
                Map.entry("gateway.sources.wm-ecs.endpoint", server.baseUrl() + "/{region}"));
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
