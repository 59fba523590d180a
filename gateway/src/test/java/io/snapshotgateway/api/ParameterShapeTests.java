package io.snapshotgateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.snapshotgateway.problem.Problem;
import io.snapshotgateway.support.LogCapture;
import io.snapshotgateway.support.SimulatorSources;

/**
 * Values outside a parameter's shape (control characters, bytes that are not UTF-8, characters no id has), and
 * floods of parameters, are refused with a short 400 naming the parameter; nothing a caller sends can start a line
 * of its own in the log.
 */
@QuarkusTest
@WithTestResource(SimulatorSources.class)
class ParameterShapeTests {
    @RegisterExtension
    final LogCapture logs = LogCapture.withDebug("io.snapshotgateway");

    /** The query sent as written: percent-escapes are the test's, not RestAssured's. */
    private static Response raw(String pathAndQuery) {
        return given().urlEncodingEnabled(false).get(pathAndQuery);
    }

    private static boolean hasControlCharacter(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "name=%00|name",
            "name=%0d%0a|name",
            "name=a%0aERROR%20forged|name",
            "name=a%E2%80%A8b|name",
            "snapshot_id=%FF%FE|snapshot_id",
            "disk_id=d-%C3%28|disk_id",
            "region=CN_X|region",
            "region=cn-hangzhou,CN_X|region",
            "source=Sim-ECS|source",
            "instance_id=i-1%22x|instance_id",
            "desktop_id=ecd-1%20or%201=1|desktop_id",
            "page_token=abc%7Bdef|page_token",
            "provider=alibaba-ecs%0d%0a|provider"})
    void aValueOutsideItsShapeIsABadParameter(String query, String parameter) {
        for (String path : List.of("/snapshots?", "/snapshots/summary?")) {
            if (path.contains("summary") && parameter.equals("page_token")) {
                continue;
            }
            Response response = raw(path + query);
            response.then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/invalid-parameter"))
                    .body("errors.parameter", org.hamcrest.Matchers.contains(parameter));
            JsonPath problem = response.jsonPath();
            assertThat(problem.getString("detail")).startsWith(parameter + " ");
            assertThat(problem.getString("detail") + problem.getString("errors[0].reason"))
                    .as("what the answer echoes").matches(s -> !hasControlCharacter(s) && !s.contains("\uFFFD"));
        }
    }

    @Test
    void wellShapedValuesPass() {
        raw("/snapshots?name=AUTO%20created_%C3%A9&region=cn-hangzhou&snapshot_id=s-bp1.x:y_z&instance_id=i-1")
                .then().statusCode(200);
    }

    @Test
    void aThousandUnknownParametersGetTwentyErrorsAndAShortAnswer() {
        // lower case only: the framework's parameter map does not tell "A" from "a"
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        List<String> names = new ArrayList<>();
        alphabet.chars().forEach(c -> names.add(Character.toString(c)));
        for (char a : alphabet.toCharArray()) {
            for (char b : alphabet.toCharArray()) {
                names.add("" + a + b);
            }
        }
        "abcdefghijklmnopqrstuvwxyz".chars().forEach(c -> names.add("_" + (char) c));
        assertThat(names).hasSize(1358).doesNotHaveDuplicates();
        String url = "/snapshots?" + String.join("&", names);
        assertThat(url.length()).as("fits the request line").isLessThan(4096 - "GET  HTTP/1.1".length());

        Response response = raw(url);
        response.then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-parameter"))
                .body("errors", org.hamcrest.Matchers.hasSize(Problem.MAX_ERRORS));
        assertThat(response.asByteArray().length).isLessThan(8 * 1024);
        assertThat(response.jsonPath().getList("errors.parameter", String.class)).isSubsetOf(names)
                .doesNotHaveDuplicates();
        // the framework reads the first 1024 parameters of a query; every one it read is counted
        int omitted = response.jsonPath().getInt("errors_omitted");
        assertThat(omitted).isGreaterThanOrEqualTo(1024 - Problem.MAX_ERRORS).isLessThanOrEqualTo(names.size()
                - Problem.MAX_ERRORS);
        assertThat(response.jsonPath().getString("detail")).endsWith(" and " + omitted + " more")
                .startsWith((omitted + Problem.MAX_ERRORS) + " parameters: ");
    }

    @Test
    void aLongValueIsNotEchoedWhole() {
        String region = "a".repeat(2000);
        String source = "b".repeat(2000);
        for (String query : List.of("region=" + region, "source=" + source, "name=" + "c".repeat(2000))) {
            Response response = raw("/snapshots?" + query);
            response.then().statusCode(400).body("type", equalTo("/problems/invalid-parameter"));
            assertThat(response.asString()).as(query.substring(0, 8)).doesNotContain("a".repeat(100),
                    "b".repeat(100), "c".repeat(100)).hasSizeLessThan(2000);
        }
    }

    @Test
    void aCapNeverCutsACharacterInTwo() {
        // the 64th character is an emoji, two UTF-16 units: cut after the first, the answer could not be written
        String emoji = "%F0%9F%98%80";
        for (String query : List.of("region=" + "a".repeat(63) + emoji + "b", "a".repeat(63) + emoji + "b=1",
                "status=" + "a".repeat(63) + emoji + "b", "status=" + "a".repeat(62) + emoji + "b")) {
            Response response = raw("/snapshots?" + query);
            response.then().statusCode(400).contentType("application/problem+json");
            JsonPath problem = response.jsonPath();
            String echoed = problem.getString("errors[0].parameter") + problem.getString("errors[0].reason")
                    + problem.getString("detail");
            assertThat(echoed).contains("a".repeat(62)).doesNotContain("\uFFFD");
            for (int i = 0; i < echoed.length(); i++) {
                char c = echoed.charAt(i);
                boolean paired = Character.isHighSurrogate(c)
                        ? i + 1 < echoed.length()
                                && Character.isLowSurrogate(echoed.charAt(i + 1))
                        : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(echoed.charAt(i - 1));
                assertThat(paired).as("UTF-16 unit %d of %s is half a character", i, query).isTrue();
            }
        }
    }

    @Test
    void nothingACallerSendsStartsALogLine() {
        String forgedName = "x%0d%0aERROR%20%5Bio.snapshotgateway%5D%20forged%3Dtrue";
        Response response = raw("/snapshots?" + forgedName + "=1&name=%00&instance_id=i-1%0a2"
                + "&snapshot_id=s%E2%80%A8ERROR");
        response.then().statusCode(400).contentType("application/problem+json");
        List<String> parameters = response.jsonPath().getList("errors.parameter", String.class);
        assertThat(parameters).contains("name", "instance_id", "snapshot_id",
                "x\\r\\nERROR [io.snapshotgateway] forged=true");

        // one bad parameter: its detail, the caller's text in it, goes to the log
        raw("/snapshots/summary?" + forgedName + "=1").then().statusCode(400);
        raw("/nowhere%0d%0aERROR%20forged").then().statusCode(404);

        List<String> lines = logs.lines();
        assertThat(lines).as("the refusals were logged, at DEBUG")
                .anyMatch(l -> l.contains("400 /problems/invalid-parameter"))
                .anyMatch(l -> l.contains("x\\r\\nERROR [io.snapshotgateway] forged=true"));
        assertThat(lines).noneMatch(l -> l.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0
                || c == 0x2028 || c == 0x2029));
        assertThat(response.asString()).doesNotContain("\r", "\n", "\u0000", "\u2028");
    }
}
