package io.snapshotgateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.inventory.GatewayClock;
import io.snapshotgateway.inventory.Inventories;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.WireMockInventoryEcs;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.engine.SourceOfRandomness;

/**
 * Hostile values in every parameter of /snapshots and /snapshots/summary, correctly percent-encoded (the HTTP edge's
 * own refusals are HttpEdgeTests'): never a 5xx, every 4xx a problem document, and no 4xx ever costs a vendor call.
 * Long values past the 4 KiB request line get Vert.x's pinned empty 414. jqwik's engine cannot drive a @QuarkusTest,
 * so its generators are sampled here, from a fixed seed.
 */
@QuarkusTest
@WithTestResource(WireMockInventoryEcs.class)
class HostileRequestsFuzzTests {
    private static final int REQUESTS = 10_000;
    private static final List<String> PARAMETERS = List.of("provider", "source", "region", "snapshot_id", "disk_id",
            "instance_id", "desktop_id", "name", "status", "disk_type", "creation_type", "created_after",
            "created_before", "sort", "limit", "page_token");

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Inventories inventories;

    @TestHTTPResource("/")
    URL root;

    @Test
    void hostileParametersNeverFailTheGatewayNorReachAVendor() throws Exception {
        // Time stands still: no inventory goes stale, so only a request can call the vendor.
        QuarkusMock.installMockForType(new GatewayClock() {
            private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

            @Override
            public Instant now() {
                return now;
            }
        }, GatewayClock.class);
        inventories.reset();
        wireMock.resetAll();
        for (String region : List.of("cn-hangzhou", "cn-beijing")) {
            wireMock.stubFor(get(urlPathEqualTo("/" + region + "/")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(EcsResponses.page(region, 3, 1, 100, 0, 3))));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // Warm both inventories: from here on only instance_id lookups may call the vendor.
        assertThat(send(http, "/snapshots?limit=1").statusCode()).isEqualTo(200);
        int warm = wireMock.getAllServeEvents().size();
        int vendorCalls = warm;
        assertThat(warm).isPositive();

        // jqwik's own random source, seeded: the same requests on every run (sampleStream works off a jqwik thread).
        SourceOfRandomness.create("20260101");
        Map<Integer, Integer> statuses = new TreeMap<>();
        AtomicInteger vendorCallsOn4xx = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        List<String> generated = query().sampleStream().limit(REQUESTS).toList();
        long t1 = System.nanoTime();
        for (int i = 0; i < generated.size(); i++) {
            String path = (i % 2 == 0 ? "/snapshots" : "/snapshots/summary") + generated.get(i);
            // Vendor calls (instance_id lookups) finish before their answer: the count is settled between requests.
            HttpResponse<String> r = send(http, path);
            int before = vendorCalls;
            int after = vendorCalls = wireMock.getAllServeEvents().size();
            statuses.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() >= 500) {
                failures.add(r.statusCode() + " " + path + " -> " + r.body());
            } else if (r.statusCode() >= 400) {
                String problem = r.statusCode() == 414 ? checkPinned414(r) : checkProblem(r);
                if (problem != null) {
                    failures.add(problem + ": " + path);
                }
                if (after != before) {
                    vendorCallsOn4xx.incrementAndGet();
                    failures.add("vendor called for a " + r.statusCode() + ": " + path);
                }
            }
            if (failures.size() > 20) {
                break;
            }
        }
        System.out.printf("HostileRequestsFuzzTests: %d requests (generated in %d ms, sent in %d ms), statuses %s, "
                + "vendor calls after warm-up %d%n", generated.size(), (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000, statuses, wireMock.getAllServeEvents().size() - warm);
        assertThat(failures).isEmpty();
        assertThat(vendorCallsOn4xx).hasValue(0);
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
        // Hostile on purpose: most are refused, but valid-looking values get through too.
        assertThat(statuses.getOrDefault(400, 0)).isGreaterThan(REQUESTS / 4);
        assertThat(statuses.getOrDefault(200, 0)).isGreaterThan(REQUESTS / 20);
    }

    /** A request line over 4 KiB: Vert.x's decoder answers before any router (HttpEdgeTests pins it). */
    private static String checkPinned414(HttpResponse<String> r) {
        return r.body().isEmpty() && r.headers().firstValue("Content-Type").isEmpty()
                ? null
                : "414 not as pinned: " + r.headers().map() + " " + r.body();
    }

    private static String checkProblem(HttpResponse<String> r) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return r.statusCode() + " with Content-Type " + type;
        }
        JsonNode json;
        try {
            json = JSON.readTree(r.body());
        } catch (IOException e) {
            return r.statusCode() + " with a body that is not JSON";
        }
        if (!json.path("type").isTextual() || !json.path("title").isTextual()
                || json.path("status").asInt() != r.statusCode()) {
            return r.statusCode() + " problem without type, title or the right status: " + r.body();
        }
        return null;
    }

    private HttpResponse<String> send(HttpClient http, String pathAndQuery) throws IOException, InterruptedException {
        URI uri = URI.create("http://" + root.getHost() + ":" + root.getPort() + pathAndQuery);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A query string: 0..6 parameters (known, unknown, repeated), each a valid or a hostile value, encoded. */
    static Arbitrary<String> query() {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                weighted(12, Arbitraries.of(PARAMETERS)),
                weighted(1, Arbitraries.of("unknown", "Provider", "limit[]", "name%00", "", "page-token", "$where")),
                weighted(1, hostile()));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                weighted(3, valid().map(HostileRequestsFuzzTests::encode)),
                weighted(5, hostile().map(HostileRequestsFuzzTests::encode)),
                // "any of": encoded values joined by a literal comma
                weighted(1, hostile().list().ofMinSize(2).ofMaxSize(4)
                        .map(l -> String.join(",", l.stream().map(HostileRequestsFuzzTests::encode).toList()))));
        Arbitrary<String> pair = Combinators.combine(name.map(HostileRequestsFuzzTests::encode), value)
                .as((n, v) -> n + "=" + v);
        return pair.list().ofMinSize(0).ofMaxSize(6).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    private static Tuple2<Integer, Arbitrary<? extends String>> weighted(int weight, Arbitrary<String> a) {
        return Tuple.of(weight, a);
    }

    private static Arbitrary<String> valid() {
        return Arbitraries.of("alibaba-ecs", "alibaba-eds", "huawei-workspace", "wm-ecs", "cn-hangzhou", "cn-beijing",
                "s-cn-hangzhou-1", "d-cn-beijing-2", "snap", "available", "creating", "system", "data", "auto",
                "manual", "2023-12-31T23:00:00Z", "2024-01-01T00:00:00Z", "create_time", "-create_time", "1", "50",
                "1000", "i-bp1", "ecd-1");
    }

    private static Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.of("\u0000", "%00", "\r\n", "a\r\nX-Injected: 1", "\t", "\u007f", "\u2028", "\ufeff",
                        "'", "\"", "\"}", "{\"$gt\":\"\"}", "' OR '1'='1", "1; DROP TABLE snapshots;--",
                        "../../etc/passwd",
                        "..%2f..%2f", "%2e%2e/", "%", "%%", "%zz", "&", "=", "?", "#", "+", " ", ",", ",,", "*", "\\",
                        "<script>alert(1)</script>", "${jndi:ldap://x/a}", "-1", "0", "1001", "1e3", "0x10",
                        "99999999999999999999", "NaN", "true", "null", "[]", "2024-13-01T00:00:00Z",
                        "2024-01-01", "+999999999-12-31T23:59:59Z", "CREATE_TIME", "--create_time", "é", "雪", "🧊",
                        "\ud800", "\udfff", "Ω".repeat(100)),
                // raw bytes, percent-encoded as given: invalid UTF-8 and control bytes
                Arbitraries.of("%C3%28", "%FF", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%E2%82", "%0A", "%0D%0A",
                        "%E2%80%A8").map(raw -> "\u0001RAW" + raw),
                Arbitraries.strings().all().ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().alpha().numeric().withChars("-_.:").ofMinLength(1).ofMaxLength(64),
                Arbitraries.integers().between(100, 5_000).withDistribution(RandomDistribution.biased())
                        .map("x"::repeat));
    }

    /** Percent-encodes {@code value} as UTF-8, except a raw-bytes marker, whose escapes are sent as they are. */
    private static String encode(String value) {
        if (value.startsWith("\u0001RAW")) {
            return value.substring(4);
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
