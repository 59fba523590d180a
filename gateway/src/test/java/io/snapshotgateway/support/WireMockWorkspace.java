package io.snapshotgateway.support;

import java.util.Map;

/**
 * WireMock standing in for Huawei Cloud Workspace: one source over two regions, each with its own project id, the
 * endpoint resolved per region through {region}.
 */
public class WireMockWorkspace extends WireMockResource {
    public static final String SOURCE = "wm-hw";
    public static final String ACCESS_KEY_ID = "HPUAWIREMOCKTESTAK01";
    public static final String ACCESS_KEY_SECRET = "wiremock-huawei-sk-do-not-leak";
    public static final String NORTH_4_PROJECT = "0a1b2c3d4e5f40718293a4b5c6d7e8f9";
    public static final String EAST_3_PROJECT = "f9e8d7c6b5a4938271605f4e3d2c1b0a";

    @Override
    protected Map<String, String> sources(String baseUrl) {
        return Map.of(
                "gateway.sources." + SOURCE + ".provider", "huawei-workspace",
                "gateway.sources." + SOURCE + ".regions", "cn-north-4,cn-east-3",
                "gateway.sources." + SOURCE + ".project-ids",
                "cn-north-4:" + NORTH_4_PROJECT + ",cn-east-3:" + EAST_3_PROJECT,
                "gateway.sources." + SOURCE + ".access-key-id", ACCESS_KEY_ID,
                "gateway.sources." + SOURCE + ".access-key-secret", ACCESS_KEY_SECRET,
                "gateway.sources." + SOURCE + ".endpoint", baseUrl + "/{region}");
    }
}
