package io.snapshotgateway.cache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.WireMockCachedEcs;

/** The listing cache, with a clock the test moves: TTL 60 s, stale-while-revalidate 30 s, stale-if-error 5 min. */
@QuarkusTest
@WithTestResource(WireMockCachedEcs.class)
class ListingCacheTests {
    private static final String HANGZHOU = "/cn-hangzhou/";
    private static final String BEIJING = "/cn-beijing/";

    @InjectWireMock
    WireMockServer wireMock;

    @CacheName("alibaba-ecs")
    Cache cache;

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
    void freshCacheAndVendor() {
        QuarkusMock.installMockForType(clock, GatewayClock.class);
        cache.invalidateAll().await().indefinitely();
        wireMock.resetAll();
        answer(HANGZHOU, 3, 0);
        answer(BEIJING, 2, 0);
    }

    @Test
    void missThenHitWithItsAge() {
        JsonPath first = list("");
        assertThat(first.getList("sources.cache")).containsOnly("miss");

        clock.advance(Duration.ofSeconds(42));
        JsonPath second = list("");

        assertThat(second.getList("sources.cache")).containsOnly("hit");
        assertThat(second.getList("sources.age_seconds")).containsOnly(42);
        assertThat(second.getList("snapshots.id")).isEqualTo(first.getList("snapshots.id"));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(HANGZHOU)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(BEIJING)));
    }

    @Test
    void countsVendorFetchesAndCacheStatesForOperators() {
        list("");
        list("");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("snapshot_gateway_vendor_fetch_seconds_count\\{[^}]*outcome=\"ok\"[^}]*"
                + "provider=\"alibaba-ecs\"[^}]*region=\"cn-hangzhou\"[^}]*} [1-9]")
                .containsPattern("snapshot_gateway_listings_total\\{cache=\"hit\",provider=\"alibaba-ecs\"[^}]*} [1-9]");
    }

    @Test
    void servesStaleAtOnceWhileOneRefreshRuns() {
        list("");
        clock.advance(Duration.ofSeconds(75));
        answer(HANGZHOU, 4, 2500);

        long start = System.nanoTime();
        JsonPath stale = list("region=cn-hangzhou");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(stale.getList("sources.cache")).containsOnly("stale");
        assertThat(stale.getList("snapshots")).hasSize(3);
        assertThat(elapsedMs).as("served without waiting for the 2.5 s refresh").isLessThan(1500);
        // a second stale read joins the refresh in flight instead of starting another
        list("region=cn-hangzhou");
        await().atMost(Duration.ofSeconds(8)).untilAsserted(() -> {
            JsonPath refreshed = list("region=cn-hangzhou");
            assertThat(refreshed.getList("sources.cache")).containsOnly("hit");
            assertThat(refreshed.getList("snapshots")).hasSize(4);
        });
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(HANGZHOU)));
    }

    @Test
    void servesStaleWhenTheVendorFailsAndSaysSo() {
        list("");
        clock.advance(Duration.ofMinutes(3));
        fail(HANGZHOU);

        JsonPath answer = list("region=cn-hangzhou");

        assertThat(answer.getBoolean("complete")).isTrue();
        assertThat(answer.getList("snapshots")).hasSize(3);
        assertThat(answer.getString("sources[0].cache")).isEqualTo("stale");
        assertThat(answer.getInt("sources[0].age_seconds")).isEqualTo(180);
        assertThat(answer.getString("sources[0].status")).isEqualTo("ok");
        assertThat(answer.getString("sources[0].problem.type")).isEqualTo("/problems/upstream-unavailable");
        assertThat(answer.getString("sources[0].problem.vendor_code")).isEqualTo("ServiceUnavailable");
    }

    @Test
    void expiresPastEveryWindowAndNeverCachesFailures() {
        list("");
        clock.advance(Duration.ofMinutes(10));
        fail(HANGZHOU);

        given().get("/snapshots?region=cn-hangzhou").then().statusCode(502)
                .body("type", equalTo("/problems/all-sources-failed"));
        given().get("/snapshots?region=cn-hangzhou").then().statusCode(502);
        // both failures went to the vendor: a failure is not cached
        wireMock.verify(3, getRequestedFor(urlPathEqualTo(HANGZHOU)));
    }

    @Test
    void answers304WhileTheContentIsUnchanged() {
        String etag = given().get("/snapshots").then().statusCode(200).extract().header("ETag");
        assertThat(etag).startsWith("W/\"");
        clock.advance(Duration.ofSeconds(20));

        // the same data, only older in the cache: still the same tag
        given().header("If-None-Match", etag).get("/snapshots").then().statusCode(304).header("ETag", etag);
        given().header("If-None-Match", "W/\"something-else\", " + etag).get("/snapshots").then().statusCode(304);
        given().header("If-None-Match", "W/\"something-else\"").get("/snapshots").then().statusCode(200);
        // other content, other tag
        answer(HANGZHOU, 4, 0);
        given().header("Cache-Control", "no-cache").header("If-None-Match", etag).get("/snapshots").then()
                .statusCode(200).header("ETag", org.hamcrest.Matchers.not(etag));
    }

    @Test
    void noCacheBypassesAndRefreshes() {
        list("");
        clock.advance(Duration.ofSeconds(5));
        answer(HANGZHOU, 5, 0);

        JsonPath bypassed = JsonPath.from(given().header("Cache-Control", "no-cache").get("/snapshots?region=cn-hangzhou")
                .then().statusCode(200).extract().asString());
        JsonPath after = list("region=cn-hangzhou");

        assertThat(bypassed.getList("sources.cache")).containsOnly("bypass");
        assertThat(bypassed.getList("snapshots")).hasSize(5);
        assertThat(after.getList("sources.cache")).containsOnly("hit");
        assertThat(after.getList("snapshots")).hasSize(5);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(HANGZHOU)));
    }

    @Test
    void keepsScopesAndPushedDownFiltersApart() {
        list("region=cn-hangzhou");
        list("region=cn-hangzhou&disk_type=system");
        list("region=cn-hangzhou&name=snap");
        list("region=cn-beijing");

        // disk_type is pushed down: its own listing; name is not: it reuses the unfiltered one
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(HANGZHOU)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(HANGZHOU)).withQueryParam("SourceDiskType",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("System")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(BEIJING)));
    }

    @Test
    void rollingTimeWindowsOfOneDayShareOneListing() {
        list("region=cn-hangzhou&created_after=2023-12-31T08:00:00Z");
        list("region=cn-hangzhou&created_after=2023-12-31T08:01:30Z");
        list("region=cn-hangzhou&created_after=2023-12-31T09:00:00Z&created_before=2023-12-31T23:59:00Z");

        // the two rolling windows share one day-wide listing; the third adds an end bound, so a listing of its own
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(HANGZHOU))
                .withQueryParam("Filter.1.Value", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2023-12-31T00:00Z"))
                .withQueryParam("Filter.2.Key", com.github.tomakehurst.wiremock.client.WireMock.absent()));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(HANGZHOU)));
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

    private JsonPath list(String query) {
        return JsonPath.from(given().get("/snapshots" + (query.isEmpty() ? "" : "?" + query))
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
