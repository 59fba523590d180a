package io.snapshotgateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.snapshotgateway.inventory.Inventories;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.WireMockVendors;

/** Answers are rendered once and reused; the ETag changes exactly when what a dashboard sees changes. */
@QuarkusTest
@WithTestResource(WireMockVendors.class)
class RenderedPagesTests {
    private static final Pattern RENDERED = Pattern
            .compile("snapshot_gateway_rendered_pages_total\\{outcome=\"rendered\"} ([0-9.]+)");

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Inventories inventories;

    @BeforeEach
    void twoRegions() {
        inventories.reset();
        wireMock.resetAll();
        serve("cn-hangzhou", 4);
        serve("cn-beijing", 2);
    }

    @Test
    void repeatedPollsAndMatchingTagsAreServedWithoutRenderingAgain() {
        Response first = given().get("/snapshots?limit=3");
        double rendered = rendered();

        for (int i = 0; i < 5; i++) {
            Response again = given().get("/snapshots?limit=3");
            assertThat(again.jsonPath().getList("snapshots")).isEqualTo(first.jsonPath().getList("snapshots"));
            assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
            given().header("If-None-Match", first.header("ETag")).get("/snapshots?limit=3").then().statusCode(304);
        }

        assertThat(rendered()).isEqualTo(rendered);
    }

    @Test
    void theTagSurvivesARefreshThatChangedNothingAndChangesWithTheContent() {
        String etag = given().get("/snapshots").header("ETag");
        double rendered = rendered();

        Response same = given().header("Cache-Control", "no-cache").get("/snapshots");
        assertThat(same.jsonPath().getList("sources.cache")).containsOnly("bypass");
        assertThat(same.header("ETag")).isEqualTo(etag);
        assertThat(rendered()).as("same content: the same rendering").isEqualTo(rendered);

        serve("cn-beijing", 3);
        Response changed = given().header("Cache-Control", "no-cache").get("/snapshots");
        assertThat(changed.jsonPath().getList("snapshots")).hasSize(7);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        given().header("If-None-Match", etag).get("/snapshots").then().statusCode(200);
    }

    @Test
    void aProblemAppearingChangesTheTagThoughTheSnapshotsDoNot() {
        String etag = given().get("/snapshots").header("ETag");
        wireMock.stubFor(get(urlPathEqualTo("/cn-beijing/")).willReturn(com.github.tomakehurst.wiremock.client.WireMock
                .aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.error("ServiceUnavailable", "temporary", "R1"))));

        Response stale = given().header("Cache-Control", "no-cache").get("/snapshots");

        assertThat(stale.jsonPath().getList("snapshots")).hasSize(6);
        assertThat(stale.jsonPath().getString("sources.find { it.region == 'cn-beijing' }.problem.vendor_code"))
                .isEqualTo("ServiceUnavailable");
        assertThat(stale.header("ETag")).isNotEqualTo(etag);
    }

    private void serve(String region, int count) {
        wireMock.stubFor(get(urlPathEqualTo("/" + region + "/"))
                .willReturn(okJson(EcsResponses.page(region, count, 1, 100, 0, count))));
    }

    private static double rendered() {
        Matcher m = RENDERED.matcher(io.snapshotgateway.support.Management.metrics());
        assertThat(m.find()).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
