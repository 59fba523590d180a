package io.snapshotgateway.protection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.snapshotgateway.inventory.Inventories;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.Management;
import io.snapshotgateway.support.WireMockBreaker;

/**
 * A scope whose vendor keeps failing is cut off: after two failed listings its breaker opens, no call reaches the
 * vendor while it is open, its last inventory is served stale with the failure, and after a second one probe is let
 * through whose success closes it. The other region of the source is not affected.
 */
@QuarkusTest
@WithTestResource(WireMockBreaker.class)
class CircuitBreakerTests {
    private static final String HANGZHOU = "/cn-hangzhou/";
    private static final String BEIJING = "/cn-beijing/";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Inventories inventories;

    @Test
    void opensServesStaleHalfOpensAndCloses() {
        inventories.reset();
        wireMock.resetAll();
        ok(HANGZHOU, "cn-hangzhou");
        ok(BEIJING, "cn-beijing");
        assertThat(hangzhou(listing(false)).getString("breaker")).isEqualTo("closed");

        wireMock.stubFor(get(urlPathEqualTo(HANGZHOU)).willReturn(aResponse().withStatus(500).withBody("down")));
        listing(true);
        JsonPath opened = listing(true);
        int callsWhenOpened = calls(HANGZHOU);

        assertThat(hangzhou(opened).getString("breaker")).isEqualTo("open");
        assertThat(hangzhou(opened).getString("cache")).isEqualTo("stale");
        assertThat(hangzhou(opened).getInt("snapshot_count")).isEqualTo(3);
        assertThat(Management.metrics()).containsPattern(
                "snapshot_gateway_vendor_breaker_state\\{provider=\"alibaba-ecs\",region=\"cn-hangzhou\","
                        + "source=\"wm-ecs\"\\} 2\\.0");

        JsonPath whileOpen = listing(true);
        assertThat(calls(HANGZHOU)).as("no vendor call while open").isEqualTo(callsWhenOpened);
        assertThat(hangzhou(whileOpen).getString("problem.detail")).contains("circuit breaker open")
                .contains("HTTP 500");
        assertThat(whileOpen.getString("sources.find { it.region == 'cn-beijing' }.breaker")).isEqualTo("closed");

        ok(HANGZHOU, "cn-hangzhou");
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> "closed".equals(hangzhou(listing(true)).getString("breaker")));
        JsonPath closed = listing(false);
        assertThat(hangzhou(closed).getString("cache")).isNotEqualTo("stale");
        assertThat((Object) hangzhou(closed).get("problem")).isNull();
    }

    private void ok(String path, String region) {
        wireMock.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(EcsResponses.page(region, 3, 1, 100, 0, 3))));
    }

    private int calls(String path) {
        return wireMock.findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    private static JsonPath listing(boolean forceRefresh) {
        return (forceRefresh ? given().header("Cache-Control", "no-cache") : given()).get("/snapshots?limit=1")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath hangzhou(JsonPath answer) {
        return JsonPath.from(answer.prettify()).setRootPath("sources.find { it.region == 'cn-hangzhou' }");
    }
}
