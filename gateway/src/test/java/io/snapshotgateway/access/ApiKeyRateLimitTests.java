package io.snapshotgateway.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.snapshotgateway.support.Management;
import io.snapshotgateway.support.SimulatorWithApiKeys;

/** Each API key's request budget: a burst of 3, then one request every 30 s; other keys are not affected. */
@QuarkusTest
@WithTestResource(SimulatorWithApiKeys.RateLimited.class)
class ApiKeyRateLimitTests {

    @Test
    void aKeyPastItsBurstIsToldWhenToComeBackAndOtherKeysGoOn() {
        for (int i = 0; i < SimulatorWithApiKeys.RateLimited.BURST; i++) {
            given().header("X-API-Key", SimulatorWithApiKeys.TEAM_ECS).get("/snapshots?limit=1").then()
                    .statusCode(200);
        }
        Response limited = given().header("X-API-Key", SimulatorWithApiKeys.TEAM_ECS).get("/snapshots?limit=1");
        limited.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/too-many-requests"))
                .body("status", equalTo(429));
        long retryAfter = Long.parseLong(limited.getHeader("Retry-After"));
        // the wait for the next token, rounded up to whole seconds: never 0, never more than a token's time
        assertThat(retryAfter).isBetween(1L, (long) SimulatorWithApiKeys.RateLimited.SECONDS_PER_REQUEST);
        assertThat(limited.jsonPath().getString("detail")).contains("team-ecs")
                .doesNotContain(SimulatorWithApiKeys.TEAM_ECS);
        // the summary draws on the same budget
        given().header("X-API-Key", SimulatorWithApiKeys.TEAM_ECS).get("/snapshots/summary").then().statusCode(429);

        // a budget per key: another key is admitted
        given().header("Authorization", "Bearer " + SimulatorWithApiKeys.HW_NORTH).get("/snapshots?limit=1").then()
                .statusCode(200);
        // an unknown key is refused as unknown, not counted against anyone
        given().header("X-API-Key", SimulatorWithApiKeys.UNKNOWN).get("/snapshots").then().statusCode(401);

        assertThat(Management.metrics()).containsPattern(
                "snapshot_gateway_api_requests_total\\{key=\"team-ecs\",outcome=\"rate_limited\"} [2-9]");
    }
}
