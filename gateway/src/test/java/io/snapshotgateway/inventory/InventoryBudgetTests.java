package io.snapshotgateway.inventory;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.WireMockSmallBudget;

/** Memory is bounded by configuration: a scope too large for the budget is refused and reported, the rest served. */
@QuarkusTest
@WithTestResource(WireMockSmallBudget.class)
class InventoryBudgetTests {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Inventories inventories;

    @BeforeEach
    void hangzhouIsLargeAndBeijingSmall() {
        inventories.reset();
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo("/cn-hangzhou/"))
                .willReturn(okJson(EcsResponses.page("cn-hangzhou", 60, 1, 100, 0, 60))));
        wireMock.stubFor(get(urlPathEqualTo("/cn-beijing/"))
                .willReturn(okJson(EcsResponses.page("cn-beijing", 2, 1, 100, 0, 2))));
    }

    @Test
    void refusesTheScopeThatWouldExceedTheBudgetAndServesTheOthers() {
        given().get("/snapshots").then().statusCode(200)
                .body("complete", equalTo(false))
                .body("snapshots", hasSize(2))
                .body("snapshots.region", everyItem(equalTo("cn-beijing")))
                .body("sources.find { it.region == 'cn-hangzhou' }.status", equalTo("failed"))
                .body("sources.find { it.region == 'cn-hangzhou' }.problem.type",
                        equalTo("/problems/inventory-over-budget"))
                .body("sources.find { it.region == 'cn-hangzhou' }.problem.detail",
                        containsString("gateway.inventory.max-bytes"));

        assertThat(inventories.usedBytes()).isPositive().isLessThanOrEqualTo(20 * 1024);
        assertThat(io.snapshotgateway.support.Management.metrics()).containsPattern(
                "snapshot_gateway_inventory_refused_total\\{[^}]*region=\"cn-hangzhou\"[^}]*} [1-9]");
        given().get("/problems/inventory-over-budget").then().statusCode(200);
    }

    @Test
    void aScopeThatShrinksBackIntoTheBudgetIsServedAgain() {
        given().get("/snapshots").then().statusCode(200).body("complete", equalTo(false));
        wireMock.stubFor(get(urlPathEqualTo("/cn-hangzhou/"))
                .willReturn(okJson(EcsResponses.page("cn-hangzhou", 3, 1, 100, 0, 3))));

        given().header("Cache-Control", "no-cache").get("/snapshots").then().statusCode(200)
                .body("complete", equalTo(true)).body("snapshots", hasSize(5));
    }
}
