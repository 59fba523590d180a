package io.snapshotgateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.inventory.Inventories;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.WireMockWorkspace;
import io.snapshotgateway.support.WorkspaceResponses;

/** A Huawei Workspace source through GET /snapshots: the vendor's doc sample in one region, a throttle in the other. */
@QuarkusTest
@WithTestResource(WireMockWorkspace.class)
class WorkspaceSourceTests {

    @Inject
    Inventories inventories;

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void north4AnswersTheDocSampleAndEast3IsThrottled() throws IOException {
        inventories.reset();
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo("/cn-north-4/v2/" + WireMockWorkspace.NORTH_4_PROJECT + "/snapshots"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(docSample())));
        wireMock.stubFor(get(urlPathEqualTo("/cn-east-3/v2/" + WireMockWorkspace.EAST_3_PROJECT + "/snapshots"))
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("X-Request-Id", "east-3-request").withHeader("Retry-After", "2")
                        .withBody(WorkspaceResponses.error("APIGW.0308", "The throttling threshold has been reached: "
                                + "policy user over ratelimit,limit:20,time:1 minute, ak "
                                + WireMockWorkspace.ACCESS_KEY_ID))));
    }

    @Test
    void listsTheHealthyProjectNormalizedAndReportsTheThrottledOne() {
        given().get("/snapshots?provider=huawei-workspace").then()
                .statusCode(200)
                .body("complete", equalTo(false))
                .body("snapshots", hasSize(2))
                .body("snapshots[0].id", equalTo("eed156d9-02a5-46f5-8eb1-54f09ab9fbae"))
                .body("snapshots[0].provider", equalTo("huawei-workspace"))
                .body("snapshots[0].project_id", equalTo(WireMockWorkspace.NORTH_4_PROJECT))
                .body("snapshots[0].status", equalTo("available"))
                .body("snapshots[0].vendor_status", equalTo("create_success"))
                .body("snapshots[0].disk_type", equalTo("system"))
                .body("snapshots[0].creation_type", equalTo("manual"))
                .body("snapshots[0].create_time", equalTo("2024-04-20T08:36:16Z"))
                .body("snapshots[0].resource.type", equalTo("desktop"))
                .body("snapshots[0].resource.name", equalTo("xzx03"))
                .body("snapshots[0].attributes.desktop_sid", equalTo("22ad6780-3236-4838-b509-8068d254e9de"))
                .body("snapshots[1].creation_type", equalTo("auto"))
                .body("snapshots[1].disk_type", equalTo("data"))
                .body("sources.find { it.region == 'cn-north-4' }.status", equalTo("ok"))
                .body("sources.find { it.region == 'cn-east-3' }.status", equalTo("failed"))
                .body("sources.find { it.region == 'cn-east-3' }.problem.type", equalTo("/problems/upstream-throttled"))
                .body("sources.find { it.region == 'cn-east-3' }.problem.vendor_code", equalTo("APIGW.0308"))
                .body("sources.find { it.region == 'cn-east-3' }.problem.vendor_request_id", equalTo("east-3-request"))
                .body("sources.find { it.region == 'cn-east-3' }.problem.retry_after_seconds", equalTo(2))
                .body(not(containsString(WireMockWorkspace.ACCESS_KEY_ID)))
                .body(not(containsString(WireMockWorkspace.ACCESS_KEY_SECRET)));
    }

    @Test
    void filtersByDesktopInTheGatewayAsWell() {
        given().get("/snapshots?desktop_id=a3e8d0d0-79df-413d-a327-d702a4fb2e15&region=cn-north-4").then()
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("snapshots", hasSize(1))
                .body("snapshots[0].id", equalTo("a7e996da-20db-4de8-8aff-4c8e4c6d5ed3"));
    }

    private static String docSample() throws IOException {
        try (InputStream in = WorkspaceSourceTests.class
                .getResourceAsStream("/huawei/workspace/list-snapshots-doc-sample.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
