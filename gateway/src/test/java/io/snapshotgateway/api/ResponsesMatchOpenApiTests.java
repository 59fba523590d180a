package io.snapshotgateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.snapshotgateway.aggregation.ListingResult;
import io.snapshotgateway.config.GatewayConfig;
import io.snapshotgateway.inventory.Inventories;
import io.snapshotgateway.protection.ScopeBreakers;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.ServedOpenApi;
import io.snapshotgateway.support.WireMockVendors;

/**
 * Real responses of every status the document declares for the public operations, checked against the document the
 * gateway serves: status, media type, declared headers and body (see {@link ServedOpenApi}, which reads the schemas as
 * closed, so an undeclared member fails too). 401, 403 and 429 need API keys: {@code AuthResponsesMatchOpenApiTests}.
 */
@QuarkusTest
@WithTestResource(WireMockVendors.class)
class ResponsesMatchOpenApiTests {
    private static final String LISTING = "/snapshots";
    private static final String SUMMARY = "/snapshots/summary";
    private static final String PROBLEMS = "/problems/{slug}";

    @Inject
    Inventories inventories;

    @InjectWireMock
    WireMockServer wireMock;

    /** What a RenderedPages that fails like a bug is made of. */
    @Inject
    GatewayConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry metrics;
    @Inject
    ScopeBreakers breakers;
    @Inject
    RequestMetrics requestMetrics;

    private ServedOpenApi contract;

    @BeforeEach
    void bothRegionsAnswer() {
        inventories.reset();
        wireMock.resetAll();
        serve("cn-hangzhou", okJson(EcsResponses.page("cn-hangzhou", 3, 1, 100, 0, 3)));
        serve("cn-beijing", okJson(EcsResponses.page("cn-beijing", 2, 1, 100, 0, 2)));
        contract = ServedOpenApi.fetch();
    }

    @Test
    void theListingDeclaresEveryStatusItAnswers() {
        Set<String> declared = new TreeSet<>();
        contract.at("/paths/~1snapshots/get/responses").fieldNames().forEachRemaining(declared::add);
        // each is requested here, or in AuthResponsesMatchOpenApiTests (401, 403, 429)
        assertThat(declared).containsExactlyInAnyOrder("200", "304", "400", "401", "403", "406", "429", "500",
                "502", "503", "504");
    }

    @Test
    void fullAnswersAndNotModifiedMatch() {
        Response page = given().get(LISTING);
        assertThat(page.jsonPath().getBoolean("complete")).isTrue();
        conforms("GET", LISTING, page, 200);
        Response summary = given().get(SUMMARY);
        conforms("GET", SUMMARY, summary, 200);

        conforms("GET", LISTING, given().header("If-None-Match", page.header("ETag")).get(LISTING), 304);
        conforms("GET", SUMMARY, given().header("If-None-Match", summary.header("ETag")).get(SUMMARY), 304);
        // the last page: no next_page_token; a page in the middle of a walk has one
        Response first = given().queryParam("limit", 2).get(LISTING);
        assertThat(first.jsonPath().getString("next_page_token")).isNotBlank();
        conforms("GET", LISTING, first, 200);
    }

    @Test
    void partialAnswersWithAFailedAndAStaleSourceMatch() {
        given().get(LISTING).then().statusCode(200);
        serve("cn-beijing", aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.error("ServiceUnavailable", "temporary failure", "R-STALE")));
        Response stale = given().header("Cache-Control", "no-cache").get(LISTING);
        assertThat(stale.jsonPath().getString("sources.find { it.region == 'cn-beijing' }.cache")).isEqualTo("stale");
        conforms("GET", LISTING, stale, 200);

        inventories.reset();
        throttle("cn-beijing");
        Response failed = given().get(LISTING);
        assertThat(failed.jsonPath().getString("sources.find { it.region == 'cn-beijing' }.status"))
                .isEqualTo("failed");
        conforms("GET", LISTING, failed, 200);
        conforms("GET", SUMMARY, given().get(SUMMARY), 200);

        // a walk begun while Beijing failed: missed_earlier_pages on the later pages
        String token = given().queryParam("limit", 1).get(LISTING).jsonPath().getString("next_page_token");
        serve("cn-beijing", okJson(EcsResponses.page("cn-beijing", 2, 1, 100, 0, 2)));
        Response later = given().queryParam("limit", 1).queryParam("page_token", token)
                .header("Cache-Control", "no-cache").get(LISTING);
        assertThat(later.jsonPath().getBoolean("sources.find { it.region == 'cn-beijing' }.missed_earlier_pages"))
                .isTrue();
        conforms("GET", LISTING, later, 200);
    }

    @Test
    void badRequestsMatch() {
        conforms("GET", LISTING, given().queryParam("limit", 0).queryParam("sort", "x").get(LISTING), 400);
        conforms("GET", SUMMARY, given().queryParam("limit", 10).get(SUMMARY), 400);
        // more bad parameters than a problem lists: errors_omitted
        var many = given();
        for (int i = 0; i < 25; i++) {
            many = many.queryParam("unknown" + i, "x");
        }
        Response omitted = many.get(LISTING);
        assertThat(omitted.jsonPath().getInt("errors_omitted")).isEqualTo(5);
        conforms("GET", LISTING, omitted, 400);

        // refused before routing: malformed-request, without an instance
        Raw malformed = raw(LISTING + "?name=a|b", "application/json");
        assertThat(malformed.body()).contains("/problems/malformed-request");
        assertThat(contract.problems("GET", LISTING, malformed.status(), malformed.contentType(),
                malformed.headers()::get, malformed.body())).isEmpty();
        assertThat(malformed.status()).isEqualTo(400);
    }

    @Test
    void notAcceptableMatches() {
        conforms("GET", LISTING, given().accept("application/xml").get(LISTING), 406);
        conforms("GET", SUMMARY, given().accept("text/csv").get(SUMMARY), 406);
        conforms("GET", PROBLEMS, given().accept("application/json").get("/problems/invalid-parameter"), 406);
    }

    @Test
    void problemTypePagesMatch() {
        conforms("GET", PROBLEMS, given().get("/problems/invalid-parameter"), 200);
        conforms("GET", PROBLEMS, given().get("/problems/no-such-type"), 404);
    }

    /** No documented operation answers 405 (it is what any other method gets): its body is still a Problem. */
    @Test
    void aMethodNotAllowedIsADocumentedProblem() {
        Response refused = given().delete(LISTING);
        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(contract.problemsAgainstSchema("Problem", refused.asString())).isEmpty();
        assertThat(contract.at("/components/schemas/Problem/examples/0/type").asText())
                .isEqualTo("/problems/method-not-allowed");
    }

    @Test
    void aBugMatches() {
        QuarkusMock.installMockForType(new RenderedPages(config, json, metrics, breakers, requestMetrics) {
            @Override
            RenderedPage page(ListingResult result) {
                throw new IllegalStateException("a bug, on purpose (ResponsesMatchOpenApiTests)");
            }
        }, RenderedPages.class);

        conforms("GET", LISTING, given().get(LISTING), 500);
    }

    @Test
    void allSourcesFailedMatchesWithEachStatus() {
        serve("cn-hangzhou", aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.error("ServiceUnavailable", "temporary failure", "R1")));
        serve("cn-beijing", aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.error("InvalidAccessKeyId.NotFound", "Specified access key is not found.",
                        "R2")));
        conforms("GET", LISTING, given().get(LISTING), 502);
        conforms("GET", SUMMARY, given().get(SUMMARY), 502);

        inventories.reset();
        throttle("cn-hangzhou");
        throttle("cn-beijing");
        conforms("GET", LISTING, given().get(LISTING), 503);

        inventories.reset();
        // longer than gateway.fetch.timeout (2 s in tests): each call times out
        serve("cn-hangzhou", okJson(EcsResponses.page("cn-hangzhou", 3, 1, 100, 0, 3)).withFixedDelay(2500));
        serve("cn-beijing", okJson(EcsResponses.page("cn-beijing", 2, 1, 100, 0, 2)).withFixedDelay(2500));
        conforms("GET", LISTING, given().get(LISTING), 504);
    }

    /** The judge itself: what the document does not allow is refused, so the tests above can fail. */
    @Test
    void theValidatorRefusesWhatTheDocumentDoesNotAllow() throws IOException {
        Response page = given().get(LISTING);
        assertThat(contract.problems("GET", LISTING, page)).isEmpty();
        ObjectMapper mapper = new ObjectMapper();

        ObjectNode noComplete = (ObjectNode) mapper.readTree(page.asString());
        noComplete.remove("complete");
        assertThat(problems(page, mapper.writeValueAsString(noComplete))).anyMatch(p -> p.contains("complete"));

        ObjectNode badStatus = (ObjectNode) mapper.readTree(page.asString());
        ((ObjectNode) badStatus.withArray("snapshots").get(0)).put("status", "lost");
        assertThat(problems(page, mapper.writeValueAsString(badStatus))).isNotEmpty();

        ObjectNode undeclared = (ObjectNode) mapper.readTree(page.asString());
        ((ObjectNode) undeclared.withArray("sources").get(0)).put("vendor_secret", "x");
        assertThat(problems(page, mapper.writeValueAsString(undeclared))).anyMatch(p -> p.contains("vendor_secret"));

        ObjectNode badTime = (ObjectNode) mapper.readTree(page.asString());
        ((ObjectNode) badTime.withArray("snapshots").get(0)).put("create_time", "yesterday");
        assertThat(problems(page, mapper.writeValueAsString(badTime))).isNotEmpty();

        JsonNode snapshotsAsObject = mapper.readTree(page.asString());
        ((ObjectNode) snapshotsAsObject).set("snapshots", mapper.createObjectNode());
        assertThat(problems(page, mapper.writeValueAsString(snapshotsAsObject))).isNotEmpty();

        assertThat(contract.problems("GET", LISTING, 418, "application/json", page::header, page.asString()))
                .containsExactly("GET /snapshots does not declare status 418");
        assertThat(contract.problems("GET", LISTING, 200, "text/html", page::header, "<html/>"))
                .anyMatch(p -> p.contains("media type 'text/html'"));
        assertThat(contract.problems("GET", LISTING, 503, "application/problem+json", name -> null,
                "{\"type\":\"/problems/all-sources-failed\",\"title\":\"t\",\"status\":503,\"detail\":\"d\"}"))
                .contains("503 lacks the declared header Retry-After");
        ArrayNode wrongSources = mapper.createArrayNode().add(mapper.createObjectNode().put("type", "/problems/x"));
        ObjectNode flatProblem = mapper.createObjectNode().put("type", "/problems/all-sources-failed")
                .put("title", "All sources failed").put("status", 502).put("detail", "d");
        flatProblem.set("sources", wrongSources);
        assertThat(contract.problems("GET", LISTING, 502, "application/problem+json", name -> null,
                mapper.writeValueAsString(flatProblem))).isNotEmpty();
    }

    private List<String> problems(Response real, String body) {
        return contract.problems("GET", LISTING, real.statusCode(), real.contentType(), real::header, body);
    }

    private void conforms(String method, String path, Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(contract.problems(method, path, response)).as("%s %s → %d: %s", method, path, status,
                response.asString()).isEmpty();
    }

    private void serve(String region, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlPathEqualTo("/" + region + "/")).willReturn(answer));
    }

    private void throttle(String region) {
        serve(region, aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withHeader("x-acs-retry-after", "3000")
                .withBody(EcsResponses.error("Throttling.User", "Request was denied due to user flow control.",
                        "R-" + region)));
    }

    /** A response to a request target the HTTP client would refuse to send (here: a raw '|' in the query). */
    private record Raw(int status, String contentType, Map<String, String> headers, String body) {
    }

    private Raw raw(String target, String accept) {
        try {
            // java.net.URL, unlike URI, takes the raw '|' and sends it as it is
            HttpURLConnection c = (HttpURLConnection) new URL("http", "127.0.0.1", RestAssured.port, target)
                    .openConnection();
            c.setRequestProperty("Accept", accept);
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            c.getHeaderFields().forEach((k, v) -> {
                if (k != null && !v.isEmpty()) {
                    headers.put(k, v.get(0));
                }
            });
            return new Raw(status, c.getContentType(), headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
