package io.snapshotgateway.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.support.NormalizedField;
import io.snapshotgateway.source.ConfiguredSources;
import io.snapshotgateway.support.Management;
import io.snapshotgateway.support.PrometheusText;
import io.snapshotgateway.support.SimulatorSources;
import io.snapshotgateway.support.SimulatorWithApiKeys;
import io.snapshotgateway.support.SimulatorWithFailingScope;

/**
 * After a request with one failing source (EDS cn-hangzhou throttles), a Prometheus scrape of the management port
 * shows what an SRE alerts on: the SLO histograms with their buckets, the per-scope gauges and the counters, with
 * exactly the labels of the README's table, every family with help text, every label value from a fixed or configured
 * set, and no snapshot id, instance id, access key, secret, API key or caller-chosen path anywhere. Each of the three
 * checks is shown to catch what it is for.
 */
@QuarkusTest
@WithTestResource(SimulatorWithFailingScope.class)
class MetricsScrapeTests {
    private static final String KEY = SimulatorWithApiKeys.OPS;
    private static final String EDS = SimulatorWithFailingScope.FAILING_PROVIDER;
    private static final String FAILING_SOURCE = SimulatorWithFailingScope.FAILING_SOURCE;
    private static final String FAILING_REGION = SimulatorWithFailingScope.FAILING_REGION;
    private static final List<String> PROVIDERS = List.of("alibaba-ecs", "alibaba-eds", "huawei-workspace");
    private static final List<String> SCOPES = List.of("alibaba-ecs/sim-ecs/cn-hangzhou",
            "alibaba-ecs/sim-ecs/cn-shanghai", "alibaba-ecs/sim-ecs/ap-southeast-1", "alibaba-eds/sim-eds/cn-hangzhou",
            "alibaba-eds/sim-eds/cn-shanghai", "alibaba-eds/sim-eds/ap-southeast-1",
            "huawei-workspace/sim-hw/cn-north-4", "huawei-workspace/sim-hw/cn-east-3",
            "huawei-workspace/sim-hw/ap-southeast-1");

    /** The project's families, each with exactly these labels (the README's table). */
    private static final Map<String, Set<String>> LABELS = Map.ofEntries(
            Map.entry("snapshot_gateway_vendor_call_seconds", Set.of("provider", "source", "region", "outcome")),
            Map.entry("snapshot_gateway_vendor_fetch_seconds", Set.of("provider", "source", "region", "outcome")),
            Map.entry("snapshot_gateway_request_seconds", Set.of("status_class")),
            Map.entry("snapshot_gateway_inventory_age_seconds", Set.of("provider", "source", "region")),
            Map.entry("snapshot_gateway_inventory_snapshots", Set.of("provider", "source", "region")),
            Map.entry("snapshot_gateway_inventory_bytes", Set.of("provider", "source", "region")),
            Map.entry("snapshot_gateway_inventory_last_success_timestamp_seconds",
                    Set.of("provider", "source", "region")),
            Map.entry("snapshot_gateway_partial_answers", Set.of()),
            Map.entry("snapshot_gateway_problems", Set.of("type", "status")),
            Map.entry("snapshot_gateway_vendor_retries", Set.of("provider", "source", "reason")),
            Map.entry("snapshot_gateway_vendor_throttled", Set.of("provider", "source", "region")),
            Map.entry("snapshot_gateway_vendor_breaker_transitions", Set.of("provider", "source", "region", "to")),
            Map.entry("snapshot_gateway_vendor_breaker_state", Set.of("provider", "source", "region")),
            Map.entry("snapshot_gateway_normalized_empty", Set.of("provider", "field")));

    private static final List<Double> VENDOR_CALL_BUCKETS = List.of(0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            30.0, Double.POSITIVE_INFINITY);
    private static final List<Double> VENDOR_FETCH_BUCKETS = List.of(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            30.0, 60.0, Double.POSITIVE_INFINITY);
    private static final List<Double> REQUEST_BUCKETS = List.of(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
            0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, Double.POSITIVE_INFINITY);

    @TestHTTPResource("/")
    URL root;

    @Inject
    MeterRegistry registry;

    @Inject
    ConfiguredSources sources;

    private static Instant started;
    private static String scrapeText;
    private static PrometheusText scrape;
    /** What must never be in a scrape: ids the answers carried, credentials, keys, paths a caller made up. */
    private static Set<String> forbidden;

    @BeforeAll
    static void markStart() {
        started = Instant.now();
    }

    @Test
    void aScrapeAfterAFailingSourceShowsTheSeriesAndTagsAnSreAlertsOn() throws IOException {
        requestsWithAFailingSource();

        assertHistograms();
        assertGauges();
        assertCounters();
        // counted: earlier tests' own clients (unnamed: "none") may linger at zero
        assertThat(counted("http_client_requests_seconds_count").stream().map(s -> s.label("clientName"))
                .collect(Collectors.toSet())).as("vendor HTTP client metrics name their product")
                .containsExactlyInAnyOrderElementsOf(PROVIDERS);
        assertEveryProjectFamilyHasHelp(scrape);
        assertLabelsBounded(scrape);
        assertNoneAppears(scrapeText, forbidden);
    }

    /**
     * The alert rules and the dashboard (k8s/overlays/prod) may only query the families the deploy checks list in
     * build/deploy-checks/lib/metrics.mjs: each of them is scraped here, with that type.
     */
    @Test
    void everyFamilyTheAlertsAndTheDashboardMayQueryIsScrapedWithItsType() throws IOException {
        requestsWithAFailingSource();
        String list = Files.readString(Path.of("..", "build", "deploy-checks", "lib", "metrics.mjs"));
        Matcher family = Pattern.compile("^\\s+([a-z_]+): \"(histogram|gauge|counter)\",$", Pattern.MULTILINE)
                .matcher(list);
        Map<String, String> declared = new LinkedHashMap<>();
        while (family.find()) {
            declared.put(family.group(1), family.group(2));
        }
        assertThat(declared).as("families read from metrics.mjs").hasSizeGreaterThan(10);
        declared.forEach((name, type) -> {
            String scraped = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
            assertThat(scrape.types()).as(name).containsEntry(scraped, type);
        });
    }

    @Test
    void theChecksCatchWhatTheyAreFor() throws IOException {
        if (scrape == null) {
            requestsWithAFailingSource();
        }
        String snapshotId = forbidden.stream().filter(s -> s.startsWith("s-")).findFirst().orElseThrow();
        String leaked = scrapeText + "\nsnapshot_gateway_vendor_throttled_total{provider=\"alibaba-ecs\","
                + "region=\"cn-hangzhou\",source=\"" + snapshotId + "\"} 1.0\n";
        assertThatThrownBy(() -> assertNoneAppears(leaked, forbidden)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(snapshotId);
        assertThatThrownBy(() -> assertNoneAppears(scrapeText + "\n# " + SimulatorSources.ACCESS_KEY_SECRET,
                forbidden)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertLabelsBounded(new PrometheusText(leaked))).isInstanceOf(AssertionError.class)
                .hasMessageContaining(snapshotId);
        assertThatThrownBy(() -> assertLabelsBounded(new PrometheusText(scrapeText
                + "\nsnapshot_gateway_partial_answers_total{instance_id=\"i-1\"} 1.0\n")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("instance_id");
        assertThatThrownBy(() -> assertEveryProjectFamilyHasHelp(new PrometheusText(scrapeText
                + "\n# TYPE snapshot_gateway_undocumented counter\nsnapshot_gateway_undocumented_total 1.0\n")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("snapshot_gateway_undocumented");
    }

    /** The requests, once for both tests: the scrape counts what they did. */
    private void requestsWithAFailingSource() throws IOException {
        if (scrape != null) {
            return;
        }
        forgetEarlierApplications();
        JsonPath page = given().header("X-API-Key", KEY).get("/snapshots?limit=1000").then().statusCode(200)
                .body("complete", equalTo(false))
                .body("sources.find { it.source == '" + FAILING_SOURCE + "' && it.region == '" + FAILING_REGION
                        + "' }.problem.type", equalTo("/problems/upstream-throttled"))
                .extract().jsonPath();
        String etag = given().header("X-API-Key", KEY).get("/snapshots?limit=1000").then().statusCode(200)
                .extract().header("ETag");
        given().header("X-API-Key", KEY).header("If-None-Match", etag).get("/snapshots?limit=1000").then()
                .statusCode(304);
        String instance = "i-" + UUID.randomUUID().toString().replace("-", "").substring(0, 18);
        given().header("X-API-Key", KEY).queryParam("instance_id", instance).get("/snapshots").then().statusCode(200);
        given().header("X-API-Key", KEY).get("/snapshots/summary").then().statusCode(200)
                .body("complete", equalTo(false));
        given().header("X-API-Key", KEY).get("/snapshots?limit=0").then().statusCode(400);
        given().header("X-API-Key", SimulatorWithApiKeys.UNKNOWN).get("/snapshots").then().statusCode(401);
        String junk = "junk-" + UUID.randomUUID();
        given().header("X-API-Key", KEY).get("/" + junk).then().statusCode(404);
        given().header("X-API-Key", KEY).request("BREW", "/snapshots").then().statusCode(405);
        assertThat(raw("GET /" + junk + "-%zz HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400");
        // Quarkus would take the normalized path of this 404 for a route template: a series per made-up path
        assertThat(raw("GET //" + junk + "-slashes HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 404");

        List<String> ids = page.getList("snapshots.id");
        assertThat(ids).hasSize(8 * SimulatorSources.SNAPSHOTS_PER_REGION);
        Set<String> secrets = new HashSet<>(ids);
        secrets.addAll(page.getList("snapshots.resource.id"));
        secrets.addAll(page.<String>getList("snapshots.project_id").stream().filter(p -> p != null).toList());
        secrets.addAll(List.of(instance, junk, SimulatorSources.ACCESS_KEY_ID, SimulatorSources.ACCESS_KEY_SECRET,
                SimulatorWithApiKeys.OPS, SimulatorWithApiKeys.TEAM_ECS, SimulatorWithApiKeys.HW_NORTH,
                SimulatorWithApiKeys.UNKNOWN));
        forbidden = Set.copyOf(secrets);
        scrapeText = Management.metrics();
        scrape = new PrometheusText(scrapeText);
    }

    /**
     * Quarkus tests share one JVM, and Micrometer's global registry keeps the meters of the applications tested before
     * this one (each new Prometheus registry gets them again, at zero); in production one application owns the JVM.
     * The meters of sources this application does not configure are theirs: removed before the requests, so that the
     * label checks hold this application's configuration against its own series.
     */
    private void forgetEarlierApplications() {
        Set<String> mine = sources.all().keySet();
        registry.getMeters().stream().filter(m -> m.getId().getTag("source") != null)
                .filter(m -> !mine.contains(m.getId().getTag("source"))).toList().forEach(registry::remove);
    }

    private static void assertHistograms() {
        assertThat(scrape.types()).containsEntry("snapshot_gateway_vendor_call_seconds", "histogram")
                .containsEntry("snapshot_gateway_vendor_fetch_seconds", "histogram")
                .containsEntry("snapshot_gateway_request_seconds", "histogram");

        // The failing scope: its first call and the one retry, both throttled; the listing failed once.
        String[] failing = {"provider", EDS, "source", FAILING_SOURCE, "region", FAILING_REGION};
        assertThat(value("snapshot_gateway_vendor_call_seconds_count", with(failing, "outcome",
                "upstream-throttled"))).isEqualTo(2.0);
        assertThat(edges("snapshot_gateway_vendor_call_seconds_bucket", with(failing, "outcome",
                "upstream-throttled"))).isEqualTo(VENDOR_CALL_BUCKETS);
        assertThat(value("snapshot_gateway_vendor_fetch_seconds_count", with(failing, "outcome",
                "upstream-throttled"))).isEqualTo(1.0);
        assertThat(edges("snapshot_gateway_vendor_fetch_seconds_bucket", with(failing, "outcome",
                "upstream-throttled"))).isEqualTo(VENDOR_FETCH_BUCKETS);
        // Series of earlier applications in this JVM with the same sources may linger at zero: the ones that counted.
        assertThat(counted("snapshot_gateway_vendor_call_seconds_count", "outcome", "ok")).hasSize(8);
        assertThat(counted("snapshot_gateway_vendor_fetch_seconds_count", "outcome", "ok")).hasSize(8)
                .allSatisfy(s -> assertThat(s.value()).isEqualTo(1.0));

        // GET /snapshots: three 200s (the instance lookup's included), one 304, two 4xx (400, 401); nothing else.
        assertThat(value("snapshot_gateway_request_seconds_count", "status_class", "2xx")).isEqualTo(3.0);
        assertThat(value("snapshot_gateway_request_seconds_count", "status_class", "3xx")).isEqualTo(1.0);
        assertThat(value("snapshot_gateway_request_seconds_count", "status_class", "4xx")).isEqualTo(2.0);
        assertThat(value("snapshot_gateway_request_seconds_count", "status_class", "5xx")).isZero();
        assertThat(edges("snapshot_gateway_request_seconds_bucket", "status_class", "2xx"))
                .isEqualTo(REQUEST_BUCKETS);
    }

    private static void assertGauges() {
        double now = Instant.now().getEpochSecond();
        for (String scope : SCOPES) {
            String[] tags = tags(scope);
            boolean failing = scope.equals(EDS + "/" + FAILING_SOURCE + "/" + FAILING_REGION);
            double snapshots = value("snapshot_gateway_inventory_snapshots", tags);
            double bytes = value("snapshot_gateway_inventory_bytes", tags);
            double age = value("snapshot_gateway_inventory_age_seconds", tags);
            double lastSuccess = value("snapshot_gateway_inventory_last_success_timestamp_seconds", tags);
            assertThat(value("snapshot_gateway_vendor_breaker_state", tags)).as(scope).isEqualTo(failing ? 2.0 : 0.0);
            if (failing) {
                assertThat(snapshots).as(scope).isZero();
                assertThat(bytes).as(scope).isZero();
                assertThat(age).as("never listed: no age").isNaN();
                assertThat(lastSuccess).as("never listed: no last success").isNaN();
            } else {
                assertThat(snapshots).as(scope).isEqualTo(SimulatorSources.SNAPSHOTS_PER_REGION);
                assertThat(bytes).as(scope).isPositive();
                assertThat(age).as(scope).isBetween(0.0, now - started.getEpochSecond() + 1);
                assertThat(lastSuccess).as(scope).isBetween(started.getEpochSecond() - 1.0, now + 1);
            }
        }
    }

    private static void assertCounters() {
        String[] failing = {"provider", EDS, "source", FAILING_SOURCE, "region", FAILING_REGION};
        assertThat(value("snapshot_gateway_partial_answers_total"))
                .as("the page twice, the instance filter and the summary; not the 304").isEqualTo(4.0);
        assertThat(value("snapshot_gateway_vendor_throttled_total", failing)).isEqualTo(2.0);
        assertThat(scrape.samples("snapshot_gateway_vendor_throttled_total"))
                .as("one per scope, at zero from the start")
                .hasSize(SCOPES.size());
        assertThat(value("snapshot_gateway_vendor_retries_total", "provider", EDS, "source", FAILING_SOURCE,
                "reason", "throttled")).isEqualTo(1.0);
        assertThat(value("snapshot_gateway_vendor_breaker_transitions_total", with(failing, "to", "open")))
                .isEqualTo(1.0);
        assertThat(value("snapshot_gateway_vendor_breaker_transitions_total", with(failing, "to", "half_open")))
                .isZero();
        assertThat(scrape.samples("snapshot_gateway_vendor_breaker_transitions_total")).hasSize(SCOPES.size() * 3);
        // 404s: the made-up path and the one with a doubled slash
        for (String[] problem : new String[][]{{"invalid-parameter", "400", "1"}, {"unauthorized", "401", "1"},
                {"not-found", "404", "2"}, {"method-not-allowed", "405", "1"}, {"malformed-request", "400", "1"}}) {
            assertThat(value("snapshot_gateway_problems_total", "type", problem[0], "status", problem[1]))
                    .as(problem[0]).isEqualTo(Double.parseDouble(problem[2]));
        }
        assertThat(value("snapshot_gateway_problems_total", "type", "all-sources-failed", "status", "502")).isZero();
        for (String provider : PROVIDERS) {
            assertThat(value("snapshot_gateway_normalized_empty_total", "provider", provider, "field", "status"))
                    .as("the simulator's values all normalize").isZero();
        }
        assertThat(scrape.samples("snapshot_gateway_normalized_empty_total", "provider", "alibaba-ecs").stream()
                .map(s -> s.label("field")).toList()).containsExactlyInAnyOrder("status", "disk_type",
                        "creation_type", "progress", "size_gib", "create_time");
    }

    /** Every family the project registers has help text, and nothing is outside a family. */
    static void assertEveryProjectFamilyHasHelp(PrometheusText scrape) {
        List<String> missing = new ArrayList<>();
        for (PrometheusText.Sample sample : scrape.samples()) {
            if (!sample.name().startsWith("snapshot_gateway_")) {
                continue;
            }
            String family = scrape.familyOf(sample).orElse(sample.name());
            if (scrape.help(family).isBlank()) {
                missing.add(family);
            }
        }
        assertThat(missing).as("families without # HELP").isEmpty();
        assertThat(scrape.types().keySet().stream().filter(f -> f.startsWith("snapshot_gateway_"))
                .filter(f -> !f.endsWith("_max")).collect(Collectors.toSet()))
                .as("the README's table and the project's other families")
                .containsAll(LABELS.keySet());
    }

    /**
     * Every label of the project's families, and of Quarkus's HTTP server and client timers, takes its value from a
     * fixed set or from the configuration: nothing a caller or a vendor sends becomes a series. The table's families
     * carry exactly their documented labels.
     */
    static void assertLabelsBounded(PrometheusText scrape) {
        Set<String> problemTypes = Arrays.stream(ProblemType.values()).map(ProblemType::slug)
                .collect(Collectors.toSet());
        Set<String> outcomes = Stream.concat(problemTypes.stream(), Stream.of("ok", "reused", "rendered", "admitted",
                "rate_limited", "unauthorized", "SUCCESS", "CLIENT_ERROR", "SERVER_ERROR", "REDIRECTION",
                "INFORMATIONAL", "UNKNOWN", "timeout", "error")).collect(Collectors.toSet());
        Map<String, Set<String>> allowed = Map.ofEntries(
                Map.entry("provider", Set.copyOf(PROVIDERS)),
                Map.entry("clientName", Set.copyOf(PROVIDERS)),
                Map.entry("source", Set.of("sim-ecs", "sim-eds", "sim-hw")),
                Map.entry("region", Set.of("cn-hangzhou", "cn-shanghai", "ap-southeast-1", "cn-north-4", "cn-east-3")),
                Map.entry("outcome", outcomes),
                Map.entry("type", Stream.concat(problemTypes.stream(), Stream.of("other")).collect(Collectors.toSet())),
                Map.entry("status_class", Set.of("2xx", "3xx", "4xx", "5xx")),
                Map.entry("reason", Set.of("throttled", "server_error", "connection_reset", "other")),
                Map.entry("to", Set.of("open", "half_open", "closed")),
                Map.entry("field", Arrays.stream(NormalizedField.values()).map(NormalizedField::id)
                        .collect(Collectors.toSet())),
                Map.entry("cache", Set.of("hit", "miss", "stale", "bypass")),
                Map.entry("operation", Set.of("lease", "renew", "release", "force", "publish", "fetch", "budget",
                        "subscribe", "probe", "refresh")),
                Map.entry("key", Set.of("ops", "team-ecs", "hw-north", "-")),
                Map.entry("method", Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE",
                        "PATCH", "QUERY", "UNKNOWN")),
                // the simulator's own routes are on this JVM's HTTP server too: /v2/{project_id}/snapshots, root
                Map.entry("uri", Set.of("/snapshots", "/snapshots/summary", "/problems/{slug}", "NOT_FOUND",
                        "REDIRECTION", "UNKNOWN", "root", "/v2/{project_id}/snapshots")));
        Pattern status = Pattern.compile("[1-5][0-9][0-9]");
        // a configured endpoint's host and port (WireMock's "localhost" for the tests that ran before in this JVM)
        Pattern address = Pattern.compile("(127\\.0\\.0\\.1|localhost):[0-9]+");
        List<String> unbounded = new ArrayList<>();
        for (PrometheusText.Sample sample : scrape.samples()) {
            String family = scrape.familyOf(sample).orElse(sample.name());
            boolean project = family.startsWith("snapshot_gateway_");
            if (!project && !family.startsWith("http_server_requests_seconds")
                    && !family.startsWith("http_client_requests_seconds")) {
                continue;
            }
            if (!project && sample.value() == 0) {
                // Quarkus's HTTP series of earlier applications in this JVM, lingering at zero: not this one's
                continue;
            }
            Set<String> documented = LABELS.get(family.replaceFirst("_max$", ""));
            if (documented != null) {
                Set<String> names = new HashSet<>(sample.labels().keySet());
                names.remove("le");
                if (!names.equals(documented)) {
                    unbounded.add(sample.name() + " has labels " + names + ", documented " + documented);
                }
            }
            sample.labels().forEach((name, value) -> {
                boolean ok = switch (name) {
                    case "le" -> value.equals("+Inf") || value.matches("[0-9.]+(E-?[0-9]+)?");
                    case "status" -> status.matcher(value).matches() || value.equals("UNKNOWN");
                    case "address" -> address.matcher(value).matches();
                    default -> allowed.containsKey(name) && allowed.get(name).contains(value);
                };
                if (!ok) {
                    unbounded.add(name + "=\"" + value + "\" in " + sample.name() + sample.labels());
                }
            });
        }
        assertThat(unbounded).as("label values outside their fixed or configured set").isEmpty();
    }

    static void assertNoneAppears(String scrapeText, Set<String> forbidden) {
        assertThat(forbidden.stream().filter(scrapeText::contains).toList()).as("ids and secrets in the scrape")
                .isEmpty();
    }

    private static double value(String name, String... labels) {
        List<PrometheusText.Sample> found = scrape.samples(name, labels);
        assertThat(found).as("%s%s", name, Arrays.toString(labels)).hasSize(1);
        return found.get(0).value();
    }

    private static List<PrometheusText.Sample> counted(String name, String... labels) {
        return scrape.samples(name, labels).stream().filter(s -> s.value() > 0).toList();
    }

    private static List<Double> edges(String bucketName, String... labels) {
        return scrape.samples(bucketName, labels).stream().map(s -> s.label("le"))
                .map(le -> le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le)).sorted().toList();
    }

    private static String[] tags(String scope) {
        String[] parts = scope.split("/");
        return new String[]{"provider", parts[0], "source", parts[1], "region", parts[2]};
    }

    private static String[] with(String[] tags, String... more) {
        String[] all = Arrays.copyOf(tags, tags.length + more.length);
        System.arraycopy(more, 0, all, tags.length, more.length);
        return all;
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
