package io.snapshotgateway.aggregation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.inventory.Inventories;
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

        given().header("Cache-Control", "no-cache").get("/snapshots").then()
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("sources", hasSize(9))
                .body("sources.status", everyItem(equalTo("ok")))
                .body("sources.cache", everyItem(equalTo("bypass")));

        // All nine vendor calls were under way together: the last one arrived before the first could have been
        // answered. One after another, they would arrive at least 300 ms apart.
        List<Long> arrivals = wireMock.findAll(getRequestedFor(urlPathMatching("/.*"))).stream()
                .map(r -> r.getLoggedDate().getTime()).sorted().toList();
        assertThat(arrivals).hasSize(9);
        assertThat(arrivals.get(8) - arrivals.get(0)).isLessThan(DELAY_MS);
    }
}
