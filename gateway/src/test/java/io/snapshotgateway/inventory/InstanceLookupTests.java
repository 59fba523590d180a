package io.snapshotgateway.inventory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.provider.alibaba.ecs.EcsParameter;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.WireMockVendors;

/**
 * ECS instance_id, the one filter that asks the vendor: one lookup per (region, instance), cached, the snapshots still
 * served from the inventory, and bounded per request.
 */
@QuarkusTest
@WithTestResource(WireMockVendors.class)
class InstanceLookupTests {
    private static final String INSTANCE_ID = EcsParameter.INSTANCE_ID.wireName();

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Inventories inventories;

    @BeforeEach
    void hangzhouHasSixSnapshotsTwoOfThemOnInstanceOne() {
        inventories.reset();
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo("/cn-hangzhou/")).withQueryParam(INSTANCE_ID, absent())
                .willReturn(okJson(EcsResponses.page("cn-hangzhou", 6, 1, 100, 0, 6))));
        wireMock.stubFor(get(urlPathEqualTo("/cn-hangzhou/")).withQueryParam(INSTANCE_ID, equalTo("i-1"))
                .willReturn(okJson(EcsResponses.page("cn-hangzhou", 2, 1, 100, List.of(1, 4)))));
        wireMock.stubFor(get(urlPathEqualTo("/cn-hangzhou/")).withQueryParam(INSTANCE_ID, equalTo("i-2"))
                .willReturn(okJson(EcsResponses.page("cn-hangzhou", 1, 1, 100, List.of(5)))));
        wireMock.stubFor(get(urlPathEqualTo("/cn-beijing/")).willReturn(okJson(EcsResponses.page("cn-beijing", 0, 1,
                100, 0, 0))));
    }

    @Test
    void answersFromTheInventoryWithTheIdsTheVendorNamedAndReusesTheLookup() {
        // The inventory is listed first, on its own: this test is about what the lookups cost. (How often a first
        // listing reaches the vendor is InventoryRefreshTests' business; CI once saw two here, not reproduced.)
        given().queryParam("region", "cn-hangzhou").get("/snapshots").then().statusCode(200)
                .body("sources[0].snapshot_count", org.hamcrest.Matchers.equalTo(6));
        wireMock.resetRequests();

        for (int i = 0; i < 3; i++) {
            given().queryParam("instance_id", "i-1,i-2").queryParam("region", "cn-hangzhou").get("/snapshots").then()
                    .statusCode(200)
                    .body("snapshots.id", containsInAnyOrder("s-cn-hangzhou-1", "s-cn-hangzhou-4", "s-cn-hangzhou-5"))
                    .body("sources[0].snapshot_count", org.hamcrest.Matchers.equalTo(3));
        }
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/cn-hangzhou/"))
                .withQueryParam(INSTANCE_ID, equalTo("i-1")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/cn-hangzhou/"))
                .withQueryParam(INSTANCE_ID, equalTo("i-2")));
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/cn-hangzhou/")).withQueryParam(INSTANCE_ID, absent()));
    }

    @Test
    void aFailedLookupFailsThatRegionAloneAndIsNotKept() {
        wireMock.stubFor(get(urlPathEqualTo("/cn-hangzhou/")).withQueryParam(INSTANCE_ID, equalTo("i-9"))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody(EcsResponses.error("ServiceUnavailable", "temporary", "R9"))));

        for (int i = 0; i < 2; i++) {
            given().queryParam("instance_id", "i-9").get("/snapshots").then().statusCode(200)
                    .body("complete", org.hamcrest.Matchers.equalTo(false))
                    .body("sources.find { it.region == 'cn-hangzhou' }.problem.vendor_code",
                            org.hamcrest.Matchers.equalTo("ServiceUnavailable"))
                    .body("sources.find { it.region == 'cn-beijing' }.status", org.hamcrest.Matchers.equalTo("ok"));
        }
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/cn-hangzhou/"))
                .withQueryParam(INSTANCE_ID, equalTo("i-9")));
    }

    @Test
    void boundsTheValuesAndTheLookupsOneRequestMayCause() {
        String twentyOne = IntStream.range(0, 21).mapToObj(i -> "i-" + i).collect(Collectors.joining(","));
        given().queryParam("instance_id", twentyOne).get("/snapshots").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.parameter", hasItem("instance_id"))
                .body("errors.reason", hasItem(containsString("at most 20")));
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/cn-hangzhou/"))
                .withQueryParam(INSTANCE_ID, matching(".*")));
    }
}
