package io.snapshotgateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.snapshotgateway.support.LogCapture;
import io.snapshotgateway.support.Management;
import io.snapshotgateway.support.SimulatorWithApiKeys;

/**
 * With API keys required, runs admitted, refused and malformed requests and checks that no key, nor any part of a
 * presented one, reaches an answer, a metric or a log line, DEBUG included.
 */
@QuarkusTest
@WithTestResource(SimulatorWithApiKeys.class)
class ApiKeysNeverLeakTests {
    @RegisterExtension
    final LogCapture logs = LogCapture.withDebug("io.snapshotgateway");

    @Test
    void noKeyReachesAnAnswerOrALogLine() {
        String ops = SimulatorWithApiKeys.OPS;
        String ecs = SimulatorWithApiKeys.TEAM_ECS;
        String north = SimulatorWithApiKeys.HW_NORTH;
        String unknown = SimulatorWithApiKeys.UNKNOWN;
        String almost = ops.substring(0, ops.length() - 1) + "X";
        List<Response> responses = new ArrayList<>();
        // admitted
        responses.add(given().header("Authorization", "Bearer " + ops).get("/snapshots?limit=2"));
        responses.add(given().header("X-API-Key", ecs).get("/snapshots/summary"));
        responses.add(given().header("X-API-Key", north).header("Cache-Control", "no-cache").get("/snapshots?limit=1"));
        // admitted, then refused for what they ask
        responses.add(given().header("X-API-Key", north).get("/snapshots?provider=alibaba-ecs"));
        responses.add(given().header("X-API-Key", ecs).get("/snapshots?limit=0&nope=1"));
        responses.add(given().header("X-API-Key", ecs).get("/snapshots?page_token=AAAA"));
        // refused keys
        responses.add(given().header("Authorization", "Bearer " + unknown).get("/snapshots"));
        responses.add(given().header("X-API-Key", almost).get("/snapshots"));
        responses.add(given().header("X-API-Key", ops + "X").get("/snapshots"));
        responses.add(given().header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                ("ops:" + ops).getBytes())).get("/snapshots"));
        responses.add(given().header("Authorization", "Token " + ecs).get("/snapshots"));
        responses.add(given().header("Authorization", ecs).get("/snapshots"));
        responses.add(given().header("Authorization", "Bearer " + ops).header("X-API-Key", unknown).get("/snapshots"));
        responses.add(given().header("X-API-Key", "x".repeat(300) + ops).get("/snapshots"));
        // elsewhere
        responses.add(given().header("X-API-Key", ops).get("/nowhere"));
        responses.add(given().header("X-API-Key", ops).post("/snapshots"));

        assertThat(responses.stream().map(Response::statusCode).toList())
                .containsExactly(200, 200, 200, 403, 400, 400, 401, 401, 401, 401, 401, 401, 401, 401, 404, 405);
        List<String> answers = new ArrayList<>();
        responses.forEach(r -> {
            answers.add(r.asString());
            answers.add(r.getHeaders().toString());
        });
        answers.add(Management.metrics());

        List<String> secrets = new ArrayList<>(List.of(ops, ecs, north, unknown, almost,
                Base64.getEncoder().encodeToString(("ops:" + ops).getBytes())));
        // no recognisable part of a key either
        for (String key : List.of(ops, ecs, north, unknown)) {
            secrets.add(key.substring(key.length() - 12));
        }
        for (String secret : secrets) {
            assertThat(answers).as("answers, headers and metrics").noneMatch(a -> a.contains(secret));
            assertThat(logs.lines()).as("log lines").noneMatch(l -> l.contains(secret));
        }
        // the capture saw the refusals, at DEBUG, by what they were (and with the key's name where there was one)
        assertThat(logs.lines()).anyMatch(l -> l.contains("401 on /snapshots"))
                .anyMatch(l -> l.contains("403 /problems/forbidden"));
    }
}
