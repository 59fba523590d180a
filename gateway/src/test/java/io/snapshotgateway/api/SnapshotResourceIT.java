package io.snapshotgateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.snapshotgateway.support.StandaloneSimulator;

/**
 * The packaged jar, black box, in the documented demo profile beside a vendor simulator of its own: merged data with
 * no cloud account.
 */
@QuarkusIntegrationTest
@WithTestResource(StandaloneSimulator.class)
class SnapshotResourceIT {

    @Test
    void demoJarAnswersMergedSnapshotsFromItsSimulator() {
        var body = given().get("/snapshots?limit=1000").then()
                .statusCode(200)
                .contentType("application/json")
                .body("complete", equalTo(true))
                .body("sources.provider", hasItems("alibaba-ecs", "alibaba-eds"))
                .body("sources.region", hasItems("cn-hangzhou", "cn-shanghai", "ap-southeast-1"))
                .body("sources.status", everyItem(equalTo("ok")))
                .extract().jsonPath();
        int counted = body.<Integer>getList("sources.snapshot_count").stream().mapToInt(Integer::intValue).sum();
        org.assertj.core.api.Assertions.assertThat(body.getList("snapshots")).hasSize(counted).isNotEmpty();
    }

    /**
     * The linters judge the document the build stored (target/openapi): it must be the one the jar serves. Compared
     * as JSON trees: the two writers may order one object's members differently.
     */
    @Test
    void theDocumentTheLintersJudgedIsTheOneServed() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode stored = json.readTree(Path.of("target", "openapi", "openapi.json").toFile());
        JsonNode served = json.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        org.assertj.core.api.Assertions.assertThat(served.path("paths").size()).isGreaterThan(1);
        org.assertj.core.api.Assertions.assertThat(served).isEqualTo(stored);
    }

    @Test
    void demoJarAnswersProblemsForBadInput() {
        given().get("/snapshots?limit=0&sort=x").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.parameter", containsInAnyOrder("limit", "sort"));
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    URL root;

    /** GatewayMain turned Quarkus's own target check off, so a bad escape reaches the gateway's router. */
    @Test
    void demoJarAnswersAProblemForAMalformedTarget() throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /snapshots?name=%zz HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThat(answer).startsWith("HTTP/1.1 400 ")
                    .containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"type\":\"/problems/malformed-request\"");
        }
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Test
    void demoJarIsLiveAndReadyOnTheManagementPortOnly() {
        given().get(live).then().statusCode(200).body("status", equalTo("UP"));
        given().get(ready).then().statusCode(200).body("status", equalTo("UP"));
        given().post(ready).then().statusCode(405).header("Allow", "GET, HEAD");
        given().get("/q/health/ready").then().statusCode(404).contentType("application/problem+json");
    }
}
