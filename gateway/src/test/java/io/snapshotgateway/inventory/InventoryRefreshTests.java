package io.snapshotgateway.inventory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.snapshotgateway.Provider;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.WireMockInventoryEcs;

/**
 * Inventories with a clock the test moves and the scheduler called by hand: refresh interval 60 s (no jitter), maximum
 * staleness 5 min, back-off 5 s doubling to 40 s, no-cache at most every 5 s.
 */
@QuarkusTest
@WithTestResource(WireMockInventoryEcs.class)
class InventoryRefreshTests {
    private static final String HANGZHOU = "/cn-hangzhou/";
    private static final String BEIJING = "/cn-beijing/";
    private static final Scope HANGZHOU_SCOPE = new Scope("wm-ecs", Provider.ALIBABA_ECS, "cn-hangzhou", null);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Inventories inventories;

    @TestHTTPResource("/snapshots")
    URL snapshots;

    private final MovableClock clock = new MovableClock();

    /** A clock the test moves by hand. */
    static class MovableClock extends GatewayClock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

        @Override
        public Instant now() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }
    }

    @BeforeEach
    void freshInventoriesAndVendor() {
        QuarkusMock.installMockForType(clock, GatewayClock.class);
        inventories.reset();
        wireMock.resetAll();
        answer(HANGZHOU, 3, 0);
        answer(BEIJING, 2, 0);
    }

    @Test
    void warmsUpEveryScopeThenServesFromMemoryWithItsAge() {
        warmUp();
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(HANGZHOU)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(BEIJING)));

        clock.advance(Duration.ofSeconds(42));
        JsonPath answer = list("");

        assertThat(answer.getList("sources.cache")).containsOnly("hit");
        assertThat(answer.getList("sources.age_seconds")).containsOnly(42);
        assertThat(answer.getList("snapshots")).hasSize(5);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(HANGZHOU)));
    }

    @Test
    void aRequestForAScopeNeverListedWaitsForItsFirstListing() {
        JsonPath first = list("region=cn-hangzhou");

        assertThat(first.getList("sources.cache")).containsOnly("miss");
        assertThat(first.getList("snapshots")).hasSize(3);
        wireMock.verify(0, getRequestedFor(urlPathEqualTo(BEIJING)));
    }

    @Test
    void refreshesEachScopeOncePerIntervalWithoutACaller() {
        warmUp();
        answer(HANGZHOU, 4, 0);

        clock.advance(Duration.ofSeconds(59));
        assertThat(inventories.refreshDue()).as("nothing is due before the interval").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(inventories.refreshDue()).as("both scopes are due at 60 s").isEqualTo(2);
        awaitIdle();

        assertThat(list("region=cn-hangzhou").getList("snapshots")).hasSize(4);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(HANGZHOU)));
        assertThat(inventories.nextRefreshAt(HANGZHOU_SCOPE)).isEqualTo(clock.now().plusSeconds(60));
    }

    @Test
    void aFailedRefreshKeepsTheLastGoodInventoryWithItsProblemAndAge() {
        warmUp();
        fail(HANGZHOU);
        clock.advance(Duration.ofSeconds(60));
        refreshNow();
        clock.advance(Duration.ofSeconds(120));

        JsonPath answer = list("region=cn-hangzhou");

        assertThat(answer.getBoolean("complete")).isTrue();
        assertThat(answer.getList("snapshots")).hasSize(3);
        assertThat(answer.getString("sources[0].status")).isEqualTo("ok");
        assertThat(answer.getString("sources[0].cache")).isEqualTo("stale");
        assertThat(answer.getInt("sources[0].age_seconds")).isEqualTo(180);
        assertThat(answer.getString("sources[0].problem.type")).isEqualTo("/problems/upstream-unavailable");
        assertThat(answer.getString("sources[0].problem.vendor_code")).isEqualTo("ServiceUnavailable");
    }

    @Test
    void backsOffAfterFailuresAndRecovers() {
        warmUp();
        fail(HANGZHOU);
        Instant failedAt = clock.now().plusSeconds(60);
        clock.advance(Duration.ofSeconds(60));
        refreshNow();
        assertThat(inventories.nextRefreshAt(HANGZHOU_SCOPE)).isEqualTo(failedAt.plusSeconds(5));

        for (int wait : new int[]{5, 10, 20, 40, 40}) {
            clock.now.set(inventories.nextRefreshAt(HANGZHOU_SCOPE));
            refreshNow();
            int next = Math.min(2 * wait, 40);
            assertThat(inventories.nextRefreshAt(HANGZHOU_SCOPE)).as("after waiting %d s", wait)
                    .isEqualTo(clock.now().plusSeconds(next));
        }
        answer(HANGZHOU, 4, 0);
        clock.now.set(inventories.nextRefreshAt(HANGZHOU_SCOPE));
        refreshNow();

        assertThat(inventories.nextRefreshAt(HANGZHOU_SCOPE)).isEqualTo(clock.now().plusSeconds(60));
        JsonPath answer = list("region=cn-hangzhou");
        assertThat(answer.getString("sources[0].cache")).isEqualTo("hit");
        assertThat(answer.getString("sources[0].problem")).isNull();
        assertThat(answer.getList("snapshots")).hasSize(4);
    }

    @Test
    void pastTheMaximumStalenessTheScopeIsReportedFailed() {
        warmUp();
        fail(HANGZHOU);
        clock.advance(Duration.ofSeconds(60));
        refreshNow();
        clock.advance(Duration.ofMinutes(5));

        JsonPath partial = list("");
        assertThat(partial.getBoolean("complete")).isFalse();
        assertThat(partial.getString("sources.find { it.region == 'cn-hangzhou' }.status")).isEqualTo("failed");
        assertThat(partial.getString("sources.find { it.region == 'cn-hangzhou' }.problem.detail"))
                .contains("max-staleness");
        given().get("/snapshots?region=cn-hangzhou").then().statusCode(502)
                .body("type", equalTo("/problems/all-sources-failed"));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(HANGZHOU)));
    }

    @Test
    void countsVendorFetchesCacheStatesAndInventorySizesForOperators() {
        warmUp();
        list("");
        String metrics = io.snapshotgateway.support.Management.metrics();
        assertThat(metrics).containsPattern("snapshot_gateway_vendor_fetch_seconds_count\\{[^}]*outcome=\"ok\"[^}]*"
                + "provider=\"alibaba-ecs\"[^}]*region=\"cn-hangzhou\"[^}]*} [1-9]")
                .containsPattern("snapshot_gateway_listings_total\\{cache=\"hit\",provider=\"alibaba-ecs\"[^}]*} [1-9]")
                .containsPattern("snapshot_gateway_inventory_snapshots\\{[^}]*region=\"cn-hangzhou\"[^}]*} 3.0")
                .containsPattern("snapshot_gateway_inventory_bytes\\{[^}]*region=\"cn-hangzhou\"[^}]*} [1-9]");
    }

    @Test
    void noCacheRefreshesAtMostOncePerMinimumIntervalAndSaysBypassOnlyWhenFresh() {
        warmUp();
        clock.advance(Duration.ofSeconds(10));
        answer(HANGZHOU, 5, 0);

        JsonPath bypassed = noCache("region=cn-hangzhou");
        clock.advance(Duration.ofSeconds(4));
        JsonPath tooSoon = noCache("region=cn-hangzhou");

        assertThat(bypassed.getList("sources.cache")).containsOnly("bypass");
        assertThat(bypassed.getList("snapshots")).hasSize(5);
        assertThat(tooSoon.getList("sources.cache")).as("within 5 s of the last refresh: served as it is")
                .containsOnly("hit");
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(HANGZHOU)));

        clock.advance(Duration.ofSeconds(1));
        assertThat(noCache("region=cn-hangzhou").getList("sources.cache")).containsOnly("bypass");
        wireMock.verify(3, getRequestedFor(urlPathEqualTo(HANGZHOU)));
    }

    @Test
    void noCacheWaitsOutTheBackOffAndTheVendorsRetryAfter() {
        warmUp();
        wireMock.stubFor(get(urlPathEqualTo(HANGZHOU)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withHeader("x-acs-retry-after", "60000")
                .withBody(EcsResponses.error("Throttling.User", "Request was denied due to user flow control.",
                        "R-429"))));
        clock.advance(Duration.ofSeconds(60));
        refreshNow();

        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(10));
            assertThat(noCache("region=cn-hangzhou").getString("sources[0].problem.vendor_code"))
                    .isEqualTo("Throttling.User");
        }
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(HANGZHOU)));

        clock.advance(Duration.ofSeconds(10));
        answer(HANGZHOU, 4, 0);
        assertThat(noCache("region=cn-hangzhou").getList("sources.cache")).as("Retry-After has passed")
                .containsOnly("bypass");
        wireMock.verify(3, getRequestedFor(urlPathEqualTo(HANGZHOU)));
    }

    @Test
    void noCacheJoinsARefreshAlreadyRunning() {
        warmUp();
        clock.advance(Duration.ofSeconds(60));
        answer(HANGZHOU, 6, 700);
        refreshDueInBackground();

        List<CompletableFuture<HttpResponse<String>>> forced = IntStream.range(0, 5)
                .mapToObj(i -> HttpClient.newHttpClient().sendAsync(HttpRequest
                        .newBuilder(URI.create(snapshots + "?region=cn-hangzhou"))
                        .header("Cache-Control", "max-age=0, no-cache").build(), HttpResponse.BodyHandlers.ofString()))
                .toList();

        forced.forEach(r -> {
            JsonPath body = JsonPath.from(r.join().body());
            assertThat(body.getList("sources.cache")).containsOnly("bypass");
            assertThat(body.getList("snapshots")).hasSize(6);
        });
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(HANGZHOU)));
    }

    @Test
    void aHeaderThatOnlyMentionsNoCacheDoesNotForceARefresh() {
        warmUp();
        clock.advance(Duration.ofSeconds(10));

        given().header("Cache-Control", "max-age=\"no-cache\"").get("/snapshots").then().statusCode(200);
        given().header("Cache-Control", "no-cached").get("/snapshots").then().statusCode(200);

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(HANGZHOU)));
    }

    @Test
    void distinctFilteredQueriesAfterWarmUpCallNoVendor() {
        warmUp();
        wireMock.resetRequests();

        for (int i = 0; i < 200; i++) {
            given().queryParam("name", "snap-" + i)
                    .queryParam("created_after", String.format("2023-12-%02dT00:00:%02dZ", 1 + i % 28, i % 60))
                    .queryParam("status", i % 2 == 0 ? "available" : "failed")
                    .queryParam("sort", i % 3 == 0 ? "create_time" : "-create_time")
                    .queryParam("limit", 1 + i % 7).get("/snapshots").then().statusCode(200);
        }

        wireMock.verify(0, getRequestedFor(urlPathEqualTo(HANGZHOU)));
        wireMock.verify(0, getRequestedFor(urlPathEqualTo(BEIJING)));
    }

    @Test
    void hundredConcurrentColdRequestsMakeOneVendorCallPerScope() {
        answer(HANGZHOU, 3, 500);
        answer(BEIJING, 2, 500);
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 100)
                .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create(snapshots.toString())).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        responses.forEach(r -> assertThat(r.join().statusCode()).isEqualTo(200));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(HANGZHOU)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(BEIJING)));
    }

    private void warmUp() {
        refreshNow();
    }

    /** Starts whatever is due and waits until every refresh ended. */
    private void refreshNow() {
        inventories.refreshDue();
        awaitIdle();
    }

    private void refreshDueInBackground() {
        inventories.refreshDue();
    }

    private void awaitIdle() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !inventories.refreshing());
    }

    private JsonPath list(String query) {
        return JsonPath.from(given().get("/snapshots" + (query.isEmpty() ? "" : "?" + query))
                .then().statusCode(200).extract().asString());
    }

    private JsonPath noCache(String query) {
        return JsonPath.from(given().header("Cache-Control", "no-cache").get("/snapshots?" + query)
                .then().statusCode(200).extract().asString());
    }

    private void answer(String path, int count, int delayMs) {
        wireMock.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(delayMs)
                .withBody(EcsResponses.page(path.replace("/", ""), count, 1, 100, 0, count))));
    }

    private void fail(String path) {
        wireMock.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.error("ServiceUnavailable",
                        "The request has failed due to a temporary failure of the server.", "R-503"))));
    }
}
