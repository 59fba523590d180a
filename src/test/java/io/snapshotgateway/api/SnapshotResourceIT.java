package io.snapshotgateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged jar, black box, in the documented demo profile: merged data with no cloud account. */
@QuarkusIntegrationTest
class SnapshotResourceIT {

    @Test
    void demoJarAnswersMergedSnapshotsFromItsSimulator() {
        given().get("/snapshots").then()
                .statusCode(200)
                .contentType("application/json")
                .body("complete", equalTo(true))
                .body("snapshots", hasSize(100))
                .body("sources.provider", hasItems("alibaba-ecs", "alibaba-eds"))
                .body("sources.region", hasItems("cn-hangzhou", "cn-shanghai", "ap-southeast-1"))
                .body("sources.status", everyItem(equalTo("ok")));
    }

    @Test
    void demoJarAnswersProblemsForBadInput() {
        given().get("/snapshots?limit=0&sort=x").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.parameter", containsInAnyOrder("limit", "sort"));
    }

    @Test
    void demoJarIsLiveAndReady() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
