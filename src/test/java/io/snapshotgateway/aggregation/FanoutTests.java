package io.snapshotgateway.aggregation;

import io.snapshotgateway.inventory.Inventories;
import jakarta.inject.Inject;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.WireMockNineScopes;

/** Every selected source/region is fetched at the same time: nine slow vendors cost one vendor's latency. */
@QuarkusTest
@WithTestResource(WireMockNineScopes.class)
class FanoutTests {
    private static final int DELAY_MS = 300;

    @Inject
    Inventories inventories;

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void everyVendorIsSlow() {
        inventories.reset();
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathMatching("/ecs-./.*/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(DELAY_MS)
                .withBody(EcsResponses.page("r", 2, 1, 100, 0, 2))));
        wireMock.stubFor(get(urlPathMatching("/eds-a/.*/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(DELAY_MS)
                .withBody("{\"RequestId\":\"R\",\"NextToken\":\"\",\"Snapshots\":[{\"SnapshotId\":\"s-e\","
                        + "\"Status\":\"ACCOMPLISHED\",\"CreationTime\":\"2024-01-01T00:00:00Z\"}]}")));
    }

    @Test
    void nineSlowSourceRegionsAnswerInAboutOneVendorLatency() {
        // warm-up: clients, connections and JIT are made on first use
        for (int i = 0; i < 3; i++) {
            given().header("Cache-Control", "no-cache").get("/snapshots").then().statusCode(200);
        }
        wireMock.resetRequests();

        long fastest = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            given().header("Cache-Control", "no-cache").get("/snapshots").then()
                    .statusCode(200)
                    .body("complete", equalTo(true))
                    .body("sources", hasSize(9))
                    .body("sources.status", everyItem(equalTo("ok")));
            fastest = Math.min(fastest, (System.nanoTime() - start) / 1_000_000);
        }

        wireMock.verify(27, getRequestedFor(urlPathMatching("/.*")));
        // One after another would take at least 9 x 300 ms; all at once takes 300 ms plus overhead.
        assertThat(fastest).isGreaterThanOrEqualTo(DELAY_MS).isLessThan(2L * DELAY_MS);
    }
}
