package io.snapshotgateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.snapshotgateway.support.SimulatorSources;

/** The HTTP contract of GET /snapshots, against the built-in simulator (3 regions, several vendor pages each). */
@QuarkusTest
@WithTestResource(SimulatorSources.class)
class SnapshotResourceTests {
    private static final int TOTAL = SimulatorSources.SCOPES * SimulatorSources.SNAPSHOTS_PER_REGION;
    private static final Comparator<Map<String, Object>> NEWEST_FIRST = Comparator
            .<Map<String, Object>, Instant>comparing(s -> Instant.parse((String) s.get("create_time"))).reversed()
            .thenComparing(s -> (String) s.get("provider"))
            .thenComparing(s -> (String) s.get("source"))
            .thenComparing(s -> (String) s.get("region"))
            .thenComparing(s -> (String) s.get("id"));

    private List<Map<String, Object>> everything;

    /** Fetched inside each test: RestAssured only points at the test port once a test runs. */
    @BeforeEach
    void listEverything() {
        everything = given().queryParam("limit", 1000).get("/snapshots")
                .then().statusCode(200).extract().jsonPath().getList("snapshots");
    }

    @Test
    void listsEverySnapshotOfEveryRegionNewestFirst() {
        given().get("/snapshots?limit=1000").then()
                .statusCode(200)
                .contentType("application/json")
                .body("complete", equalTo(true))
                .body("next_page_token", equalTo(null))
                .body("sources", hasSize(SimulatorSources.SCOPES))
                .body("sources.status", everyItem(equalTo("ok")))
                .body("sources.snapshot_count", everyItem(equalTo(SimulatorSources.SNAPSHOTS_PER_REGION)));
        assertThat(everything).hasSize(TOTAL);
        assertThat(everything).isSortedAccordingTo(NEWEST_FIRST);
        assertThat(everything.stream().map(s -> s.get("region")).distinct()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(everything.stream().map(s -> s.get("provider")).distinct().count())
                .isEqualTo(everything.stream().map(s -> s.get("source")).distinct().count()).isGreaterThan(1);
        // newest first across providers: the first page interleaves them
        assertThat(everything.subList(0, 20).stream().map(s -> s.get("provider")).distinct().count()).isGreaterThan(1);
        assertThat(everything).allSatisfy(s -> assertThat((String) s.get("create_time"))
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
    }

    @Test
    void sortsOldestFirstOnRequest() {
        List<Map<String, Object>> oldest = given().get("/snapshots?limit=1000&sort=create_time")
                .then().statusCode(200).extract().jsonPath().getList("snapshots");
        List<Map<String, Object>> expected = new ArrayList<>(everything);
        expected.sort(Comparator.<Map<String, Object>, Instant>comparing(
                s -> Instant.parse((String) s.get("create_time")))
                .thenComparing(s -> (String) s.get("provider")).thenComparing(s -> (String) s.get("source"))
                .thenComparing(s -> (String) s.get("region")).thenComparing(s -> (String) s.get("id")));
        assertThat(ids(oldest)).isEqualTo(ids(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-create_time|",
            "create_time|",
            "-create_time|disk_type=system&status=available,creating",
            "create_time|provider=alibaba-eds&creation_type=auto",
            "create_time|region=cn-hangzhou,ap-southeast-1&name=a",
            "-create_time|created_after=2026-10-29T00:00:00Z&source=sim-ecs,sim-eds"})
    void walkingEveryPageReturnsEachSnapshotExactlyOnce(String sort, String filters) {
        String query = filters == null ? "" : filters;
        List<Object> expected = given().get("/snapshots?limit=1000&sort=" + sort + (query.isEmpty() ? "" : "&" + query))
                .then().statusCode(200).extract().jsonPath().getList("snapshots.id");
        assertThat(expected).isNotEmpty();

        List<Object> walked = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Response page = given().get("/snapshots?limit=7&sort=" + sort + (query.isEmpty() ? "" : "&" + query)
                    + (token == null ? "" : "&page_token=" + token));
            page.then().statusCode(200);
            walked.addAll(page.jsonPath().getList("snapshots.id"));
            token = page.jsonPath().getString("next_page_token");
            pages++;
        } while (token != null && pages < 500);

        assertThat(pages).isEqualTo((expected.size() + 6) / 7);
        assertThat(walked).doesNotHaveDuplicates().isEqualTo(expected);
        if (query.isEmpty()) {
            assertThat(walked).hasSize(TOTAL);
        }
    }

    @Test
    void filtersGiveTheSameSnapshotsAsFilteringTheWholeListing() {
        Map<String, Object> sample = everything.stream().filter(s -> "alibaba-ecs".equals(s.get("provider")))
                .skip(5).findFirst().orElseThrow();
        String disk = (String) ((Map<?, ?>) sample.get("resource")).get("id");
        String desktop = everything.stream().filter(s -> "desktop".equals(((Map<?, ?>) s.get("resource")).get("type")))
                .map(s -> (String) ((Map<?, ?>) s.get("resource")).get("id")).findFirst().orElseThrow();
        Instant windowStart = Instant.parse("2026-10-29T03:17:30Z");
        Instant windowEnd = Instant.parse("2026-10-30T12:30:45Z");
        Map<String, Predicate<Map<String, Object>>> cases = Map.ofEntries(
                Map.entry("status=creating", s -> s.get("status").equals("creating")),
                Map.entry("status=available,failed", s -> Set.of("available", "failed").contains(s.get("status"))),
                Map.entry("disk_type=data", s -> s.get("disk_type").equals("data")),
                Map.entry("creation_type=manual", s -> s.get("creation_type").equals("manual")),
                Map.entry("name=BACKUP-CN",
                        s -> ((String) s.get("name")).toLowerCase(Locale.ROOT).contains("backup-cn")),
                Map.entry("region=cn-shanghai&region=ap-southeast-1",
                        s -> Set.of("cn-shanghai", "ap-southeast-1").contains(s.get("region"))),
                Map.entry("disk_id=" + disk, s -> disk.equals(((Map<?, ?>) s.get("resource")).get("id"))),
                Map.entry("desktop_id=" + desktop, s -> desktop.equals(((Map<?, ?>) s.get("resource")).get("id"))),
                Map.entry("snapshot_id=" + sample.get("id"), s -> s.get("id").equals(sample.get("id"))),
                Map.entry("provider=alibaba-eds&status=creating", s -> s.get("provider").equals("alibaba-eds")
                        && s.get("status").equals("creating")),
                Map.entry("source=sim-ecs&creation_type=auto&disk_type=system", s -> s.get("source").equals("sim-ecs")
                        && s.get("creation_type").equals("auto") && s.get("disk_type").equals("system")),
                Map.entry("created_after=" + windowStart + "&created_before=" + windowEnd, s -> {
                    Instant t = Instant.parse((String) s.get("create_time"));
                    return !t.isBefore(windowStart) && t.isBefore(windowEnd);
                }),
                Map.entry("desktop_id=ecd-none", s -> false));
        cases.forEach((query, predicate) -> {
            List<Map<String, Object>> filtered = given()
                    .get("/snapshots?limit=1000" + (query.isEmpty() ? "" : "&" + query))
                    .then().statusCode(200).extract().jsonPath().getList("snapshots");
            List<Object> expected = ids(everything.stream().filter(predicate).toList());
            assertThat(ids(filtered)).as(query).isEqualTo(expected);
            if (!query.startsWith("desktop_id")) {
                assertThat(expected).as("%s selects something", query).isNotEmpty();
            }
        });
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "provider=alibaba-ecs,huawei-workspace",
            "status=available,failed&disk_type=system", "name=AUTO&created_after=2026-10-31T00:00:00Z",
            "region=cn-hangzhou&creation_type=manual"})
    void summaryEqualsAggregatingTheWholeListing(String query) {
        List<Map<String, Object>> listed = given().get("/snapshots?limit=1000" + (query.isEmpty() ? "" : "&" + query))
                .then().statusCode(200)
                .extract().jsonPath().getList("snapshots");
        io.restassured.path.json.JsonPath summary = given()
                .get("/snapshots/summary" + (query.isEmpty() ? "" : "?" + query)).then().statusCode(200)
                .header("ETag", startsWith("W/\"")).extract().jsonPath();

        assertThat(summary.getInt("total")).isEqualTo(listed.size());
        assertThat(summary.getLong("size_gib")).isEqualTo(listed.stream().map(s -> s.get("size_gib"))
                .filter(Objects::nonNull).mapToLong(v -> ((Number) v).longValue()).sum());
        for (String field : List.of("provider", "source", "region", "status", "disk_type", "creation_type")) {
            Map<String, Integer> expected = new TreeMap<>();
            listed.forEach(s -> expected.merge(s.get(field) == null ? "unknown" : (String) s.get(field), 1,
                    Integer::sum));
            assertThat(summary.getMap("by_" + field)).as(field).isEqualTo(expected);
        }
        List<String> times = listed.stream().map(s -> (String) s.get("create_time")).sorted().toList();
        assertThat(summary.getString("oldest_create_time")).isEqualTo(times.isEmpty() ? null : times.get(0));
        assertThat(summary.getString("newest_create_time"))
                .isEqualTo(times.isEmpty() ? null : times.get(times.size() - 1));
        assertThat(summary.getBoolean("complete")).isTrue();
        assertThat(summary.getList("sources.snapshot_count", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(listed.size());
    }

    @Test
    void summaryRefusesPagingParameters() {
        given().get("/snapshots/summary?limit=5&page_token=x").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.parameter", containsInAnyOrder("limit", "page_token"));
    }

    @Test
    void sendsTheSameBytesGzippedAndAnswers304WhileUnchanged() throws Exception {
        Response plain = given().get("/snapshots?limit=50");
        Response gzipped = given().header("Accept-Encoding", "gzip").config(io.restassured.RestAssured.config()
                .decoderConfig(io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders()))
                .get("/snapshots?limit=50");

        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.header("Vary")).isEqualToIgnoringCase("Accept-Encoding");
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.asByteArray()))
                .readAllBytes();
        // age_seconds (and so possibly cache) may tick between the two requests: they are per request by contract
        assertThat(withoutPerRequestFields(new String(unzipped, StandardCharsets.UTF_8)))
                .isEqualTo(withoutPerRequestFields(plain.asString()));
        assertThat(gzipped.header("ETag")).isEqualTo(plain.header("ETag"));

        given().header("If-None-Match", plain.header("ETag")).get("/snapshots?limit=50").then().statusCode(304)
                .header("ETag", plain.header("ETag"));
        given().header("If-None-Match", plain.header("ETag")).get("/snapshots?limit=49").then().statusCode(200);
    }

    private static com.fasterxml.jackson.databind.JsonNode withoutPerRequestFields(String body) throws Exception {
        com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        assertThat(tree.get("sources")).isNotEmpty();
        tree.get("sources").forEach(source -> ((com.fasterxml.jackson.databind.node.ObjectNode) source)
                .remove(List.of("cache", "age_seconds")));
        return tree;
    }

    @Test
    void namesEveryBadParameterInOneProblem() {
        given().get("/snapshots?limit=0&sort=x").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-parameter"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/snapshots"))
                .body("errors.parameter", containsInAnyOrder("limit", "sort"));

        given().get("/snapshots?provider=gcp&status=gone&disk_type=tape&creation_type=magic&created_after=yesterday"
                + "&created_before=2020-13-01&limit=abc&source=nope&region=mars-1&page_token=garbage&colour=red")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.parameter", containsInAnyOrder("provider", "status", "disk_type", "creation_type",
                        "created_after", "created_before", "limit", "source", "region", "colour", "page_token"));

        String hundredAndOne = String.join(",", IntStream.rangeClosed(0, 100)
                .mapToObj(i -> "i-" + i).toList());
        given().get("/snapshots?instance_id=" + hundredAndOne + "&created_after=%2B10000-01-01T00:00:00Z").then()
                .statusCode(400)
                .body("errors.parameter", containsInAnyOrder("instance_id", "created_after"));
    }

    @Test
    void refusesASelectionThatSelectsNothing() {
        given().get("/snapshots?provider=alibaba-eds&source=sim-ecs").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("source"));
    }

    @Test
    void refusesARegionNoSelectedSourceServes() {
        given().get("/snapshots?region=eu-central-1").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("region"))
                .body("errors[0].reason", startsWith("region 'eu-central-1' is not configured"));
        given().get("/snapshots?provider=huawei-workspace&region=cn-hangzhou").then().statusCode(400)
                .body("errors.parameter", hasItem("region"));
    }

    @Test
    void refusesATokenUsedWithOtherFiltersOrAltered() {
        String token = given().get("/snapshots?limit=5&disk_type=system").then().statusCode(200)
                .extract().jsonPath().getString("next_page_token");
        assertThat(token).isNotNull();

        given().queryParam("page_token", token).queryParam("disk_type", "data").get("/snapshots?limit=5")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("page_token"))
                .body("errors[0].reason", startsWith("was issued for other filters or sort"));
        given().queryParam("page_token", token).queryParam("disk_type", "system").queryParam("sort", "create_time")
                .get("/snapshots").then().statusCode(400).body("errors[0].parameter", equalTo("page_token"));
        String altered = token.substring(0, 10) + (token.charAt(10) == 'x' ? 'y' : 'x') + token.substring(11);
        given().queryParam("page_token", altered).queryParam("disk_type", "system").get("/snapshots")
                .then().statusCode(400).body("errors[0].reason", startsWith("is not a page token"));
        // the same filters, in another spelling and another page size, are the same query
        given().queryParam("page_token", token).queryParam("disk_type", "SYSTEM").queryParam("limit", 50)
                .get("/snapshots").then().statusCode(200);
    }

    @Test
    void answersProblemsForUnknownPathsAndMethods() {
        given().get("/nowhere").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found")).body("instance", equalTo("/nowhere"));
        given().delete("/snapshots").then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("/problems/method-not-allowed"));
        given().get("/problems/invalid-parameter").then().statusCode(200)
                .body(startsWith("Invalid request parameter (HTTP 400)"));
        given().get("/problems/no-such-type").then().statusCode(404).contentType("application/problem+json");
        given().accept("application/xml").get("/snapshots").then().statusCode(406)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-acceptable"));
    }

    @Test
    void publishesOpenApiAndMetrics() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/snapshots"))
                .body("paths.'/snapshots'.get.parameters.'$ref'", org.hamcrest.Matchers.hasItems(
                        "#/components/parameters/provider", "#/components/parameters/page_token"))
                .body("components.parameters", org.hamcrest.Matchers.hasKey("page_token"));
        assertThat(io.snapshotgateway.support.Management.metrics()).contains("http_server_requests");
        // not on the public port: vendor endpoints, source names and regions are not for every caller
        given().get("/q/metrics").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void healthNeverDependsOnAVendor() {
        io.snapshotgateway.support.Management.management().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"));
        io.snapshotgateway.support.Management.management().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void theManagementInterfaceOnlyReads() {
        for (String method : List.of("POST", "DELETE", "PUT", "PATCH")) {
            io.snapshotgateway.support.Management.management().request(method, "/q/health").then().statusCode(405)
                    .header("Allow", "GET, HEAD").contentType("application/problem+json")
                    .body("type", equalTo("/problems/method-not-allowed"));
            io.snapshotgateway.support.Management.management().request(method, "/q/metrics").then().statusCode(405);
        }
        io.snapshotgateway.support.Management.management().head("/q/health/live").then().statusCode(200);
    }

    private static List<Object> ids(List<Map<String, Object>> snapshots) {
        return snapshots.stream().map(s -> s.get("id")).toList();
    }
}
