package io.snapshotgateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.inventory.Inventories;
import io.snapshotgateway.provider.alibaba.ecs.EcsParameter;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.Management;
import io.snapshotgateway.support.WireMockVendors;

/** A vendor failure in one region never loses the other region's data, and is reported precisely. */
@QuarkusTest
@WithTestResource(WireMockVendors.class)
class PartialResultsTests {
    private static final String PAGE_NUMBER = EcsParameter.PAGE_NUMBER.wireName();

    @Inject
    Inventories inventories;

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void hangzhouAnswers() {
        inventories.reset();
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo("/cn-hangzhou/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.page("cn-hangzhou", 3, 1, 100, 0, 3))));
    }

    @Test
    void returnsTheHealthyRegionWhenTheOtherIsThrottled() {
        wireMock.stubFor(get(urlPathEqualTo("/cn-beijing/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withHeader("x-acs-retry-after", "3000")
                .withBody(EcsResponses.error("Throttling.User", "Request was denied due to user flow control.",
                        "REQ-BJ"))));

        given().get("/snapshots").then()
                .statusCode(200)
                .body("complete", equalTo(false))
                .body("snapshots", hasSize(3))
                .body("snapshots.region", everyItem(equalTo("cn-hangzhou")))
                .body("sources.find { it.region == 'cn-hangzhou' }.status", equalTo("ok"))
                .body("sources.find { it.region == 'cn-beijing' }.status", equalTo("failed"))
                .body("sources.find { it.region == 'cn-beijing' }.problem.type",
                        equalTo("/problems/upstream-throttled"))
                .body("sources.find { it.region == 'cn-beijing' }.problem.status", equalTo(503))
                .body("sources.find { it.region == 'cn-beijing' }.problem.vendor_code", equalTo("Throttling.User"))
                .body("sources.find { it.region == 'cn-beijing' }.problem.vendor_request_id", equalTo("REQ-BJ"))
                .body("sources.find { it.region == 'cn-beijing' }.problem.retry_after_seconds", equalTo(3));
    }

    @Test
    void theWellnessCheckReportsEachScopesLastSuccessAndFailureWhileStayingUp() {
        wireMock.stubFor(get(urlPathEqualTo("/cn-beijing/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.error("Throttling.User", "Request was denied due to user flow control.",
                        "REQ-BJ"))));
        given().get("/snapshots").then().statusCode(200).body("complete", equalTo(false));

        String hangzhou = "checks.find { it.name == 'scope-refreshes' }.data.'alibaba-ecs/wm-ecs/cn-hangzhou'";
        String beijing = "checks.find { it.name == 'scope-refreshes' }.data.'alibaba-ecs/wm-ecs/cn-beijing'";
        Management.management().get("/q/health/well").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(hangzhou,
                        matchesPattern("last_success=\\d{4}-\\d\\d-\\d\\dT[^ ]+Z age_seconds=\\d+ last_failure=none"))
                .body(beijing,
                        matchesPattern("last_success=never last_failure=\\d{4}-[^ ]+Z \\(upstream-throttled\\)"));
        // informational only: the failing scope leaves the pod Ready
        Management.management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aListingSlowerThanItsDeadlineFailsAloneAsATimeout() {
        // every page is within the per-call timeout (2 s), but four sequential pages are not within 3 s
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo("/cn-beijing/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.page("cn-beijing", 1, 1, 100, 0, 1))));
        for (int page = 1; page <= 4; page++) {
            wireMock.stubFor(get(urlPathEqualTo("/cn-hangzhou/")).withQueryParam(PAGE_NUMBER,
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo(Integer.toString(page)))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withFixedDelay(page == 1 ? 0 : 1400)
                            // the vendor claims 100 in total but keeps sending full pages
                            .withBody(EcsResponses.page("cn-hangzhou", 100, page, 100, (page - 1) * 100, page * 100))));
        }

        given().get("/snapshots").then()
                .statusCode(200)
                .body("complete", equalTo(false))
                .body("snapshots", hasSize(1))
                .body("sources.find { it.region == 'cn-hangzhou' }.problem.type", equalTo("/problems/upstream-timeout"))
                .body("sources.find { it.region == 'cn-hangzhou' }.problem.vendor_code", equalTo(null))
                .body("sources.find { it.region == 'cn-beijing' }.status", equalTo("ok"));

        // The page in flight at the deadline still reaches the vendor and is answered 1.4 s later; the abandoned
        // listing asks for nothing after it. Waiting it out here also keeps that late request out of the next
        // test's WireMock journal (it was counted there as a listing of its own, in CI).
        await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            wireMock.verify(0, getRequestedFor(urlPathEqualTo("/cn-hangzhou/")).withQueryParam(PAGE_NUMBER,
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo("5")));
            assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo("/cn-hangzhou/")))).hasSizeLessThanOrEqualTo(4);
        });
    }

    @Test
    void answersAllSourcesFailedWhenNothingAnswered() {
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo("/cn-hangzhou/")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.error("ServiceUnavailable",
                        "The request has failed due to a temporary failure of the server.", "R1"))));
        wireMock.stubFor(get(urlPathEqualTo("/cn-beijing/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.error("SignatureDoesNotMatch", "Specified signature is not matched with our "
                        + "calculation. server string to sign is:GET&%2F&AccessKeyId%3D"
                        + WireMockVendors.ACCESS_KEY_ID, "R2"))));

        given().get("/snapshots").then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/all-sources-failed"))
                .body("sources", hasSize(2))
                .body("sources.status", everyItem(equalTo("failed")))
                .body("sources.find { it.region == 'cn-hangzhou' }.problem.type",
                        equalTo("/problems/upstream-unavailable"))
                .body("sources.find { it.region == 'cn-beijing' }.problem.type",
                        equalTo("/problems/upstream-rejected"))
                .body(not(containsString(WireMockVendors.ACCESS_KEY_ID)))
                .body(not(containsString(WireMockVendors.ACCESS_KEY_SECRET)));
    }

    /**
     * One shape for a source's status: the entry a partial 200 shows for a failing region is, member for member, the
     * entry the all-sources-failed problem shows when that region is the only one asked for.
     */
    @Test
    void aFailingSourceHasTheSameEntryInAPageAndInTheAllSourcesFailedProblem() {
        wireMock.stubFor(get(urlPathEqualTo("/cn-beijing/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withHeader("x-acs-retry-after", "3000")
                .withBody(EcsResponses.error("Throttling.User", "Request was denied due to user flow control.",
                        "REQ-BJ"))));

        Map<String, Object> inPage = given().get("/snapshots").then().statusCode(200)
                .body("complete", equalTo(false))
                .extract().jsonPath().getMap("sources.find { it.region == 'cn-beijing' }");
        Map<String, Object> inProblem = given().queryParam("region", "cn-beijing").get("/snapshots").then()
                .statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("/problems/all-sources-failed"))
                .body("sources", hasSize(1))
                .extract().jsonPath().getMap("sources[0]");

        assertThat(inPage).containsEntry("status", "failed").containsEntry("breaker", "closed")
                .containsKey("problem");
        assertThat(inProblem).isEqualTo(inPage);
    }

    @Test
    void answers503WithRetryAfterWhenEveryRegionIsThrottled() {
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo("/cn-hangzhou/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.error("Throttling", "Request was denied due to request throttling.", "R1"))));
        wireMock.stubFor(get(urlPathEqualTo("/cn-beijing/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withHeader("x-acs-retry-after", "8000")
                .withBody(EcsResponses.error("Throttling.Api", "Request was denied due to api flow control.", "R2"))));

        given().get("/snapshots").then()
                .statusCode(503)
                .header("Retry-After", "8")
                .body("type", equalTo("/problems/all-sources-failed"));
    }

    @Test
    void aWalkBegunWhileARegionFailedSaysSoOnEveryLaterPage() {
        wireMock.stubFor(get(urlPathEqualTo("/cn-beijing/")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.error("ServiceUnavailable", "temporary failure", "R1"))));
        String token = given().queryParam("limit", 1).get("/snapshots").then().statusCode(200)
                .body("complete", equalTo(false))
                .body("sources.find { it.region == 'cn-beijing' }.status", equalTo("failed"))
                .extract().path("next_page_token");

        // Beijing is back, and its listing is refreshed; the walk still lacks Beijing's snapshots from page 1 on.
        wireMock.stubFor(get(urlPathEqualTo("/cn-beijing/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.page("cn-beijing", 2, 1, 100, 0, 2))));
        int pages = 1;
        while (token != null) {
            token = given().queryParam("limit", 1).queryParam("page_token", token).header("Cache-Control", "no-cache")
                    .get("/snapshots").then().statusCode(200)
                    .body("complete", equalTo(false))
                    .body("sources.find { it.region == 'cn-beijing' }.status", equalTo("ok"))
                    .body("sources.find { it.region == 'cn-beijing' }.missed_earlier_pages", equalTo(true))
                    .body("sources.find { it.region == 'cn-hangzhou' }.missed_earlier_pages", equalTo(null))
                    .extract().path("next_page_token");
            pages++;
        }
        assertThat(pages).isGreaterThan(2);

        // A new walk has all of Beijing: complete again.
        given().queryParam("limit", 1).get("/snapshots").then().statusCode(200).body("complete", equalTo(true))
                .body("sources.missed_earlier_pages", everyItem(equalTo(null)));
    }
}
