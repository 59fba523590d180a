package io.snapshotgateway.access;

import static io.restassured.RestAssured.given;
import static io.snapshotgateway.support.SimulatorWithApiKeys.HW_NORTH;
import static io.snapshotgateway.support.SimulatorWithApiKeys.OPS;
import static io.snapshotgateway.support.SimulatorWithApiKeys.TEAM_ECS;
import static io.snapshotgateway.support.SimulatorWithApiKeys.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.snapshotgateway.inventory.Inventories;
import io.snapshotgateway.support.Management;
import io.snapshotgateway.support.SimulatorSources;
import io.snapshotgateway.support.SimulatorWithApiKeys;

/**
 * API keys on /snapshots as in prod: who may call, what each key sees, and that the grant binds page tokens and
 * forced refreshes. Keys: "ops" (everything, may force refreshes), "team-ecs" (alibaba-ecs), "hw-north" (sim-hw in
 * cn-north-4).
 */
@QuarkusTest
@WithTestResource(SimulatorWithApiKeys.class)
class ApiKeyTests {
    private static final String CHALLENGE = "Bearer realm=\"snapshot-gateway\"";

    @Inject
    Inventories inventories;

    private static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    private static void unauthorized(Response response, String challenge) {
        response.then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", challenge)
                .body("type", equalTo("/problems/unauthorized"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/snapshots"));
    }

    @Test
    void noKeyIsAChallengeWithoutAnErrorCode() {
        unauthorized(given().get("/snapshots"), CHALLENGE);
        given().get("/snapshots/summary").then().statusCode(401)
                .header("WWW-Authenticate", CHALLENGE)
                .body("type", equalTo("/problems/unauthorized"))
                .body("instance", equalTo("/snapshots/summary"));
        given().header("X-API-Key", "").get("/snapshots").then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith(CHALLENGE))
                .body("type", equalTo("/problems/unauthorized"));
    }

    @Test
    void anUnknownKeyIsAnInvalidToken() {
        unauthorized(as(UNKNOWN).get("/snapshots"), CHALLENGE + ", error=\"invalid_token\"");
        unauthorized(given().header("X-API-Key", UNKNOWN).get("/snapshots"), CHALLENGE + ", error=\"invalid_token\"");
        // a known key's hash is not the key
        unauthorized(as(SimulatorWithApiKeys.sha256Hex(OPS)).get("/snapshots"),
                CHALLENGE + ", error=\"invalid_token\"");
        unauthorized(as("x".repeat(ApiKeys.MAX_KEY_LENGTH + 1)).get("/snapshots"),
                CHALLENGE + ", error=\"invalid_token\"");
    }

    @Test
    void anotherSchemeOrTwoKeysAreAnInvalidRequest() {
        String invalidRequest = CHALLENGE + ", error=\"invalid_request\"";
        unauthorized(given().header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("ops:" + OPS).getBytes())).get("/snapshots"), invalidRequest);
        unauthorized(given().header("Authorization", OPS).get("/snapshots"), invalidRequest);
        unauthorized(as(OPS).header("X-API-Key", OPS).get("/snapshots"), invalidRequest);
        unauthorized(given().header("X-API-Key", OPS).header("X-API-Key", TEAM_ECS).get("/snapshots"),
                invalidRequest);
    }

    @Test
    void bothHeaderFormsAndAnyCaseOfBearerAreAccepted() {
        as(OPS).get("/snapshots?limit=1").then().statusCode(200);
        given().header("X-API-Key", OPS).get("/snapshots?limit=1").then().statusCode(200);
        given().header("Authorization", "bearer " + TEAM_ECS).get("/snapshots?limit=1").then().statusCode(200);
        // hw-north is configured with an upper-case hash
        given().header("X-API-Key", HW_NORTH).get("/snapshots/summary").then().statusCode(200);
    }

    @Test
    void withoutFiltersAKeySeesOnlyItsGrant() {
        JsonPath all = as(OPS).get("/snapshots?limit=1000").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("sources")).hasSize(SimulatorSources.SCOPES);

        JsonPath ecs = as(TEAM_ECS).get("/snapshots?limit=1000").then().statusCode(200).extract().jsonPath();
        assertThat(ecs.getList("sources.source")).containsOnly("sim-ecs");
        assertThat(ecs.getList("sources.region")).containsExactlyInAnyOrder("cn-hangzhou", "cn-shanghai",
                "ap-southeast-1");
        assertThat(ecs.getList("snapshots.provider")).hasSize(3 * SimulatorSources.SNAPSHOTS_PER_REGION)
                .containsOnly("alibaba-ecs");
        assertThat(ecs.getBoolean("complete")).isTrue();

        JsonPath north = as(HW_NORTH).get("/snapshots?limit=1000").then().statusCode(200).extract().jsonPath();
        assertThat(north.getList("sources.source")).containsExactly("sim-hw");
        assertThat(north.getList("sources.region")).containsExactly("cn-north-4");
        assertThat(north.getList("snapshots")).hasSize(SimulatorSources.SNAPSHOTS_PER_REGION);
        assertThat(north.getList("snapshots.region")).containsOnly("cn-north-4");
        assertThat(north.getList("snapshots.source")).containsOnly("sim-hw");

        // a filter within the grant narrows further
        JsonPath ecsShanghai = as(TEAM_ECS).get("/snapshots?limit=1000&region=cn-shanghai").then().statusCode(200)
                .extract().jsonPath();
        assertThat(ecsShanghai.getList("sources.source")).containsExactly("sim-ecs");
        assertThat(ecsShanghai.getList("snapshots.region")).hasSize(SimulatorSources.SNAPSHOTS_PER_REGION)
                .containsOnly("cn-shanghai");
    }

    @Test
    void theSummaryCountsOnlyTheGrant() {
        JsonPath north = as(HW_NORTH).get("/snapshots/summary").then().statusCode(200).extract().jsonPath();
        assertThat(north.getLong("total")).isEqualTo(SimulatorSources.SNAPSHOTS_PER_REGION);
        assertThat(north.getMap("by_provider")).containsOnlyKeys("huawei-workspace");
        assertThat(north.getMap("by_source")).containsOnlyKeys("sim-hw");
        assertThat(north.getMap("by_region")).containsOnlyKeys("cn-north-4");
        assertThat(north.getList("sources.region")).containsExactly("cn-north-4");

        JsonPath ecs = as(TEAM_ECS).get("/snapshots/summary").then().statusCode(200).extract().jsonPath();
        assertThat(ecs.getLong("total")).isEqualTo(3L * SimulatorSources.SNAPSHOTS_PER_REGION);
        assertThat(ecs.getMap("by_provider")).containsOnlyKeys("alibaba-ecs");

        JsonPath all = as(OPS).get("/snapshots/summary").then().statusCode(200).extract().jsonPath();
        assertThat(all.getLong("total")).isEqualTo((long) SimulatorSources.SCOPES
                * SimulatorSources.SNAPSHOTS_PER_REGION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"provider=alibaba-eds|provider", "provider=alibaba-ecs,huawei-workspace|provider",
            "source=sim-hw|source", "source=no-such-source|source", "region=cn-north-4|region",
            "region=eu-nowhere-9|region"})
    void aScopeOutsideTheGrantIsForbiddenWhetherOrNotItExists(String queryAndParameter) {
        String[] parts = queryAndParameter.split("\\|");
        for (String path : List.of("/snapshots?", "/snapshots/summary?")) {
            Response response = as(TEAM_ECS).get(path + parts[0]);
            response.then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/forbidden"))
                    .body("errors.parameter", org.hamcrest.Matchers.contains(parts[1]));
            // no list of what exists, and no tell between "another team's" and "nowhere"
            assertThat(response.asString()).doesNotContain("configured", "sim-eds", "cn-east-3");
        }
    }

    @Test
    void aSourceThatDoesNotExistAndOneOfAnotherTeamAreRefusedAlike() {
        Map<String, Object> other = as(HW_NORTH).get("/snapshots?source=sim-ecs").then().statusCode(403).extract()
                .jsonPath().getMap("errors[0]");
        Map<String, Object> none = as(HW_NORTH).get("/snapshots?source=sim-xyz").then().statusCode(403).extract()
                .jsonPath().getMap("errors[0]");
        assertThat(((String) other.get("reason")).replace("sim-ecs", "?"))
                .isEqualTo(((String) none.get("reason")).replace("sim-xyz", "?"));
        // a region of the granted source outside the key's regions
        as(HW_NORTH).get("/snapshots?region=cn-east-3").then().statusCode(403)
                .body("errors.parameter", org.hamcrest.Matchers.contains("region"));
        as(HW_NORTH).get("/snapshots?provider=alibaba-ecs").then().statusCode(403)
                .body("errors.parameter", org.hamcrest.Matchers.contains("provider"));
        // ops may ask for an unknown source and learn that it is unknown
        as(OPS).get("/snapshots?source=sim-xyz").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter"));
    }

    @Test
    void aNameNoSourceCouldHaveIsRefusedForItsShapeAndNotQuotedWhole() {
        String longName = "x".repeat(2000);
        Response response = as(TEAM_ECS).get("/snapshots?source=" + longName);
        response.then().statusCode(400).body("errors.parameter", org.hamcrest.Matchers.contains("source"));
        assertThat(response.asString()).doesNotContain("x".repeat(100)).doesNotContain("sim-");
    }

    @Test
    void aPageTokenIsBoundToTheKeyItWasIssuedTo() {
        String query = "/snapshots?provider=alibaba-ecs&limit=5";
        String token = as(OPS).get(query).then().statusCode(200).extract().jsonPath().getString("next_page_token");
        assertThat(token).isNotNull();
        // the same query and token work for the key they were issued to
        as(OPS).get(query + "&page_token=" + token).then().statusCode(200);

        as(TEAM_ECS).get(query + "&page_token=" + token).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-parameter"))
                .body("errors.parameter", org.hamcrest.Matchers.contains("page_token"));
        // and the other way round
        String ecsToken = as(TEAM_ECS).get(query).then().statusCode(200).extract().jsonPath()
                .getString("next_page_token");
        as(OPS).get(query + "&page_token=" + ecsToken).then().statusCode(400)
                .body("errors.parameter", org.hamcrest.Matchers.contains("page_token"));
    }

    @Test
    void anAnswerRenderedForOneKeyIsNotServedToAnother() {
        String query = "/snapshots?limit=1000&region=ap-southeast-1";
        JsonPath ops = as(OPS).get(query).then().statusCode(200).extract().jsonPath();
        assertThat(ops.getList("sources.source")).containsExactlyInAnyOrder("sim-ecs", "sim-eds", "sim-hw");
        JsonPath ecs = as(TEAM_ECS).get(query).then().statusCode(200).extract().jsonPath();
        assertThat(ecs.getList("sources.source")).containsExactly("sim-ecs");
        assertThat(ecs.getList("snapshots.provider")).containsOnly("alibaba-ecs");
    }

    @Test
    void noCacheForcesARefreshOnlyForAKeyThatMay() {
        inventories.reset();
        JsonPath ecs = as(TEAM_ECS).header("Cache-Control", "no-cache").get("/snapshots?limit=1").then()
                .statusCode(200).extract().jsonPath();
        assertThat(ecs.getList("sources.cache")).hasSize(3).doesNotContain("bypass");

        inventories.reset();
        JsonPath ops = as(OPS).header("Cache-Control", "no-cache").get("/snapshots?limit=1&provider=alibaba-ecs")
                .then().statusCode(200).extract().jsonPath();
        assertThat(ops.getList("sources.cache")).hasSize(3).containsOnly("bypass");
    }

    @Test
    void metricsCountRequestsByKeyNameAndNeverShowAKey() {
        as(HW_NORTH).get("/snapshots/summary").then().statusCode(200);
        as(UNKNOWN).get("/snapshots").then().statusCode(401);
        String metrics = Management.metrics();
        assertThat(metrics)
                .containsPattern("snapshot_gateway_api_requests_total\\{key=\"hw-north\",outcome=\"admitted\"} [1-9]")
                .containsPattern("snapshot_gateway_api_requests_total\\{key=\"-\",outcome=\"unauthorized\"} [1-9]");
        for (String key : List.of(OPS, TEAM_ECS, HW_NORTH, UNKNOWN)) {
            assertThat(metrics).doesNotContain(key, SimulatorWithApiKeys.sha256Hex(key));
        }
    }

    @Test
    void healthAndMetricsNeedNoKey() {
        Management.management().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
