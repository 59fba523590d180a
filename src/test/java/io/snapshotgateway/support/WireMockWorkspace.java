package io.snapshotgateway.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An in-process WireMock on a dynamic port standing in for Huawei Cloud Workspace: one source over two regions, each
 * with its own project id. Timeouts and the page guard are shortened here, not by sleeping longer in tests.
 */
public class WireMockWorkspace implements QuarkusTestResourceLifecycleManager {
    public static final String SOURCE = "wm-hw";
    public static final String ACCESS_KEY_ID = "HPUAWIREMOCKTESTAK01";
    public static final String ACCESS_KEY_SECRET = "wiremock-huawei-sk-do-not-leak";
    public static final String NORTH_4_PROJECT = "0a1b2c3d4e5f40718293a4b5c6d7e8f9";
    public static final String EAST_3_PROJECT = "f9e8d7c6b5a4938271605f4e3d2c1b0a";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.ofEntries(
                Map.entry("simulator.enabled", "false"),
                Map.entry("gateway.fetch.timeout", "700ms"),
                Map.entry("gateway.fetch.max-pages", "5"),
                Map.entry("gateway.sources." + SOURCE + ".provider", "huawei-workspace"),
                Map.entry("gateway.sources." + SOURCE + ".regions", "cn-north-4,cn-east-3"),
                Map.entry("gateway.sources." + SOURCE + ".project-ids",
                        "cn-north-4:" + NORTH_4_PROJECT + ",cn-east-3:" + EAST_3_PROJECT),
                Map.entry("gateway.sources." + SOURCE + ".access-key-id", ACCESS_KEY_ID),
                Map.entry("gateway.sources." + SOURCE + ".access-key-secret", ACCESS_KEY_SECRET),
                // {region} in the path proves the override is resolved per region.
                Map.entry("gateway.sources." + SOURCE + ".endpoint", server.baseUrl() + "/{region}"));
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
