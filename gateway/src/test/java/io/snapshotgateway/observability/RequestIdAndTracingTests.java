package io.snapshotgateway.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.snapshotgateway.inventory.Inventories;
import io.snapshotgateway.provider.support.VendorCallSpans;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.LogCapture;
import io.snapshotgateway.support.WireMockVendors;

/**
 * Every request has an id (the caller's, or a new one) in its response, its problem documents and its log lines; a
 * caller's trace continues through the gateway to the vendors, with a span per vendor call.
 */
@QuarkusTest
@WithTestResource(WireMockVendors.class)
class RequestIdAndTracingTests {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
    private static final String GENERATED = "[0-9a-f]{32}";

    @RegisterExtension
    LogCapture logs = LogCapture.withDebug("io.snapshotgateway.problem");

    @Inject
    Inventories inventories;

    @Inject
    InMemorySpanExporter spans;

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void vendors() {
        inventories.reset();
        spans.reset();
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo("/cn-hangzhou/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.page("cn-hangzhou", 3, 1, 100, 0, 3))));
        wireMock.stubFor(get(urlPathEqualTo("/cn-beijing/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.error("Throttling.User", "Request was denied due to user flow control.",
                        "REQ-BJ"))));
    }

    @Test
    void aCallersRequestIdIsReturnedAndStampsTheRequestsLogLines() {
        given().header("X-Request-Id", "dashboard-7f3a").queryParam("limit", "0").get("/snapshots").then()
                .statusCode(400)
                .header("X-Request-Id", "dashboard-7f3a")
                .body("request_id", equalTo("dashboard-7f3a"));

        List<String> lines = logs.lines();
        List<Map<String, String>> mdcs = logs.mdcs();
        int problemLine = indexOf(lines, "400 /problems/invalid-parameter");
        assertThat(problemLine).as("the problem is logged: %s", lines).isNotNegative();
        assertThat(mdcs.get(problemLine)).containsEntry("request_id", "dashboard-7f3a");
    }

    @Test
    void withoutAUsableIdTheGatewayMakesOneAndNeverEchoesTheCallers() {
        for (String offered : new String[]{null, "two words", "x".repeat(129), "quote\"d"}) {
            var request = given();
            if (offered != null) {
                request.header("X-Request-Id", offered);
            }
            Response answer = request.queryParam("limit", "0").get("/snapshots");
            String id = answer.header("X-Request-Id");
            assertThat(id).as("for %s", offered).matches(GENERATED);
            answer.then().statusCode(400).body("request_id", equalTo(id));
        }
        String first = given().get("/q/openapi-does-not-exist").then().statusCode(404)
                .body("request_id", matchesPattern(GENERATED)).extract().header("X-Request-Id");
        String second = given().get("/q/openapi-does-not-exist").then().statusCode(404)
                .extract().header("X-Request-Id");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void theCallersTraceContinuesToTheVendorsWithASpanPerVendorCall() {
        given().header("traceparent", TRACEPARENT).get("/snapshots").then().statusCode(200)
                .body("complete", equalTo(false));

        List<SpanData> pages = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems()
                .stream().filter(s -> s.getAttributes().get(VendorCallSpans.PROVIDER) != null).toList(),
                found -> found.size() >= 2);
        assertThat(pages).allSatisfy(span -> {
            assertThat(span.getTraceId()).as("the caller's trace").isEqualTo(TRACE_ID);
            assertThat(span.getAttributes().get(VendorCallSpans.PROVIDER)).isEqualTo("alibaba-ecs");
            assertThat(span.getAttributes().get(VendorCallSpans.SOURCE)).isEqualTo("wm-ecs");
            assertThat(span.getAttributes().get(VendorCallSpans.PAGE)).isEqualTo(1L);
        });
        SpanData hangzhou = region(pages, "cn-hangzhou");
        SpanData beijing = region(pages, "cn-beijing");
        assertThat(hangzhou.getAttributes().get(VendorCallSpans.VENDOR_REQUEST_ID)).isNotBlank();
        assertThat(hangzhou.getStatus().getStatusCode()).isNotEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
        assertThat(beijing.getAttributes().get(VendorCallSpans.VENDOR_REQUEST_ID)).isEqualTo("REQ-BJ");
        assertThat(beijing.getAttributes().get(VendorCallSpans.ERROR_TYPE)).isEqualTo("upstream-throttled");
        assertThat(beijing.getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);

        // W3C propagation: each vendor request carries the caller's trace
        List<LoggedRequest> sent = wireMock.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        assertThat(sent).hasSize(2).allSatisfy(r -> assertThat(r.getHeader("traceparent"))
                .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01"));
    }

    private static SpanData region(List<SpanData> spans, String region) {
        return spans.stream().filter(s -> region.equals(s.getAttributes().get(VendorCallSpans.REGION))).findFirst()
                .orElseThrow(() -> new AssertionError("no span of " + region + " in " + spans));
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
