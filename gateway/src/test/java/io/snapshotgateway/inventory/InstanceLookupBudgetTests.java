package io.snapshotgateway.inventory;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.provider.alibaba.ecs.EcsParameter;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.WireMockLookupBudget;

/** However many instance ids callers send, the vendor sees at most max-per-minute lookups. */
@QuarkusTest
@WithTestResource(WireMockLookupBudget.class)
class InstanceLookupBudgetTests {
    private static final String INSTANCE_ID = EcsParameter.INSTANCE_ID.wireName();

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Inventories inventories;

    @Test
    void lookupsPastTheGatewaysOwnBudgetFailWithoutReachingTheVendor() {
        inventories.reset();
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo("/cn-hangzhou/")).withQueryParam(INSTANCE_ID, absent())
                .willReturn(okJson(EcsResponses.page("cn-hangzhou", 6, 1, 100, 0, 6))));
        wireMock.stubFor(get(urlPathEqualTo("/cn-hangzhou/")).withQueryParam(INSTANCE_ID, matching(".+"))
                .willReturn(okJson(EcsResponses.page("cn-hangzhou", 1, 1, 100, List.of(2)))));

        given().queryParam("instance_id", "i-1,i-2").queryParam("region", "cn-hangzhou").get("/snapshots").then()
                .statusCode(200).body("complete", org.hamcrest.Matchers.equalTo(true));
        given().queryParam("instance_id", "i-3").queryParam("region", "cn-hangzhou").get("/snapshots").then()
                .statusCode(503).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("sources[0].status", org.hamcrest.Matchers.equalTo("failed"))
                .body("sources[0].problem.type", org.hamcrest.Matchers.equalTo("/problems/upstream-throttled"))
                .body("sources[0].problem.detail", containsString("instance-lookup.max-per-minute"));

        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/cn-hangzhou/"))
                .withQueryParam(INSTANCE_ID, matching(".+")));
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/cn-hangzhou/"))
                .withQueryParam(INSTANCE_ID, equalTo("i-3")));
    }
}
