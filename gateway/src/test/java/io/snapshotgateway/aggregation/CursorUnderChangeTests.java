package io.snapshotgateway.aggregation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.snapshotgateway.inventory.Inventories;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.WireMockVendors;

/**
 * A page token is a keyset cursor: when the vendor's data changes between two pages, the walk neither repeats nor
 * skips a snapshot that was there all along.
 */
@QuarkusTest
@WithTestResource(WireMockVendors.class)
class CursorUnderChangeTests {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Inventories inventories;

    @Test
    void walkSurvivesSnapshotsAppearingAndDisappearingBetweenPages() {
        inventories.reset();
        // Snapshot i of a region was created i minutes before the epoch of the fixture: 0 is the newest.
        serve("cn-hangzhou", IntStream.range(0, 20).boxed().toList());
        serve("cn-beijing", IntStream.range(0, 20).boxed().toList());

        List<String> walked = new ArrayList<>();
        Response first = given().queryParam("limit", 15).get("/snapshots");
        walked.addAll(first.jsonPath().getList("snapshots.id"));
        String token = first.jsonPath().getString("next_page_token");
        // equal times break ties by region: beijing-i comes before hangzhou-i
        assertThat(walked).hasSize(15).last().isEqualTo("s-cn-beijing-7");

        // Between pages: three newer snapshots arrive (ahead of the cursor), two older ones too, and an unseen one
        // (cn-beijing 12) is deleted.
        serve("cn-hangzhou", IntStream.range(-3, 22).boxed().toList());
        serve("cn-beijing", IntStream.range(0, 20).filter(i -> i != 12).boxed().toList());

        while (token != null) {
            Response page = given().queryParam("limit", 15).queryParam("page_token", token)
                    .header("Cache-Control", "no-cache").get("/snapshots");
            page.then().statusCode(200);
            walked.addAll(page.jsonPath().getList("snapshots.id"));
            token = page.jsonPath().getString("next_page_token");
        }

        assertThat(walked).doesNotHaveDuplicates()
                // everything that existed throughout, exactly once
                .containsAll(IntStream.range(0, 20).mapToObj(i -> "s-cn-hangzhou-" + i).toList())
                .containsAll(IntStream.range(0, 20).filter(i -> i != 12).mapToObj(i -> "s-cn-beijing-" + i).toList())
                // older newcomers come later in the walk; newer ones were before the cursor
                .contains("s-cn-hangzhou-20", "s-cn-hangzhou-21")
                .doesNotContain("s-cn-hangzhou--1", "s-cn-beijing-12");
        assertThat(walked).hasSize(20 + 19 + 2);
    }

    private void serve(String region, List<Integer> indices) {
        wireMock.stubFor(get(urlPathEqualTo("/" + region + "/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.page(region, indices.size(), 1, 100, indices))));
    }
}
