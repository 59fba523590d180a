package io.snapshotgateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.support.Management;
import io.snapshotgateway.support.SimulatorSources;

/**
 * The OpenAPI document is public (the contract); Swagger UI is on the management port only (on in dev, test and demo;
 * off in prod unless quarkus.swagger-ui.enabled).
 */
@QuarkusTest
@WithTestResource(SimulatorSources.class)
class PublicOpenApiTests {

    @Test
    void theDocumentIsServedOnThePublicPortInBothFormats() {
        given().get("/q/openapi").then().statusCode(200).contentType(startsWith("application/yaml"))
                .body(startsWith("---\nopenapi: 3.1.0"));
        given().get("/q/openapi.json").then().statusCode(200).contentType(startsWith("application/json"))
                .body("info.title", equalTo("snapshot-gateway"));
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/snapshots'.get.operationId", equalTo("listSnapshots"));
        given().head("/q/openapi").then().statusCode(200);
        // the same document as the management port's, which Swagger UI reads
        assertThat(given().get("/q/openapi.json").asString())
                .isEqualTo(Management.management().get("/q/openapi.json").then().statusCode(200).extract().asString());
    }

    @Test
    void otherMethodsOnTheDocumentAreProblems() {
        for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS")) {
            given().request(method, "/q/openapi").then().statusCode(405).header("Allow", "GET, HEAD")
                    .contentType("application/problem+json").body("type", equalTo("/problems/method-not-allowed"));
        }
    }

    @Test
    void swaggerUiIsOnTheManagementPortOnly() {
        Management.management().get("/q/swagger-ui/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("swagger"));
        given().get("/q/swagger-ui/").then().statusCode(404).contentType("application/problem+json");
    }
}
