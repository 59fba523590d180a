package io.snapshotgateway.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.snapshotgateway.support.ServedOpenApi;
import io.snapshotgateway.support.SimulatorWithApiKeys;

/**
 * The answers that need API keys (401, 403, 429), checked against the served OpenAPI document like the rest
 * ({@code ResponsesMatchOpenApiTests}). Uses the ops key's burst (3) only: ApiKeyRateLimitTests, on the same
 * application, spends team-ecs's.
 */
@QuarkusTest
@WithTestResource(SimulatorWithApiKeys.RateLimited.class)
class AuthResponsesMatchOpenApiTests {
    private static final String LISTING = "/snapshots";
    private static final String SUMMARY = "/snapshots/summary";

    @Test
    void refusedKeysAndRatesMatchTheDocument() {
        ServedOpenApi contract = ServedOpenApi.fetch();

        conforms(contract, LISTING, given().get(LISTING), 401);
        conforms(contract, SUMMARY, given().header("X-API-Key", SimulatorWithApiKeys.UNKNOWN).get(SUMMARY), 401);
        conforms(contract, LISTING, given().header("Authorization", "Bearer " + SimulatorWithApiKeys.HW_NORTH)
                .queryParam("source", "sim-ecs").get(LISTING), 403);

        for (int i = 0; i < SimulatorWithApiKeys.RateLimited.BURST; i++) {
            conforms(contract, LISTING, given().header("X-API-Key", SimulatorWithApiKeys.OPS).queryParam("limit", 5)
                    .get(LISTING), 200);
        }
        conforms(contract, LISTING, given().header("X-API-Key", SimulatorWithApiKeys.OPS).get(LISTING), 429);
    }

    private static void conforms(ServedOpenApi contract, String path, Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(contract.problems("GET", path, response)).as(response.asString()).isEmpty();
    }
}
