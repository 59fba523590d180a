package io.snapshotgateway.aggregation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.snapshotgateway.inventory.Inventories;
import io.snapshotgateway.simulator.embedded.EmbeddedSimulator;
import io.snapshotgateway.support.SimulatorSources;

/** Faults switched at run time on the simulator, seen through the gateway: the other sources' data always stays. */
@QuarkusTest
@WithTestResource(SimulatorSources.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatorFaultsTests {

    @Inject
    EmbeddedSimulator simulator;

    @Inject
    Inventories inventories;

    /** Each case starts from a gateway that has listed nothing: the fault is then all there is of that scope. */
    @BeforeEach
    void nothingListedYet() {
        inventories.reset();
    }

    @AfterEach
    void clearFaults() {
        given().baseUri("http://127.0.0.1").port(simulator.port()).delete("/_simulator/faults").then().statusCode(200);
    }

    @Test
    @Order(1)
    void takesFaultsFromConfigurationAtStart() {
        given().baseUri("http://127.0.0.1").port(simulator.port()).get("/_simulator/faults").then().statusCode(200)
                .body("'alibaba-ecs/ap-southeast-1'.latency_ms", equalTo(5));
    }

    @ParameterizedTest
    @Order(2)
    @CsvSource({
            "throttle,     /problems/upstream-throttled,  Throttling.User",
            "server-error, /problems/upstream-unavailable, ServiceUnavailable",
            "malformed,    /problems/upstream-unavailable, ",
            "html,         /problems/upstream-unavailable, ",
            "no-answer,    /problems/upstream-timeout,     "})
    void aFaultyRegionFailsAloneAndPrecisely(String fault, String type, String vendorCode) {
        inject("alibaba-eds", "cn-hangzhou", fault, "0ms");
        assertOnlyThatRegionFails("alibaba-eds", "cn-hangzhou", fault, type, vendorCode, 2);
    }

    @ParameterizedTest
    @Order(2)
    @CsvSource({
            "throttle,     /problems/upstream-throttled,  APIGW.0308",
            "server-error, /problems/upstream-unavailable, WKS.0002",
            "malformed,    /problems/upstream-unavailable, ",
            "html,         /problems/upstream-unavailable, "})
    void aFaultyHuaweiProjectFailsAloneAndPrecisely(String fault, String type, String vendorCode) {
        inject("huawei-workspace", "cn-east-3", fault, "0ms");
        assertOnlyThatRegionFails("huawei-workspace", "cn-east-3", fault, type, vendorCode, null);
    }

    private void assertOnlyThatRegionFails(String provider, String region, String fault, String type,
            String vendorCode, Integer retryAfter) {

        JsonPath page = given().header("Cache-Control", "no-cache").get("/snapshots?limit=1000")
                .then().statusCode(200).extract().jsonPath();

        assertThat(page.getBoolean("complete")).isFalse();
        List<Map<String, Object>> sources = page.getList("sources");
        Map<String, Object> failed = sources.stream().filter(s -> s.get("status").equals("failed")).findFirst()
                .orElseThrow();
        assertThat(sources.stream().filter(s -> s.get("status").equals("failed"))).hasSize(1);
        assertThat(failed).containsEntry("provider", provider).containsEntry("region", region);
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = (Map<String, Object>) failed.get("problem");
        assertThat(problem).containsEntry("type", type);
        if (vendorCode != null) {
            assertThat(problem).containsEntry("vendor_code", vendorCode).containsKey("vendor_request_id");
        }
        if (fault.equals("throttle") && retryAfter != null) {
            assertThat(problem).containsEntry("retry_after_seconds", retryAfter);
        }
        // everything else is still there
        assertThat(page.getList("snapshots"))
                .hasSize((SimulatorSources.SCOPES - 1) * SimulatorSources.SNAPSHOTS_PER_REGION);
    }

    @Test
    @Order(3)
    void addsLatencyWithoutFailing() {
        inject("alibaba-ecs", "*", "none", "400ms");
        long start = System.nanoTime();
        given().header("Cache-Control", "no-cache").get("/snapshots?provider=alibaba-ecs&region=cn-hangzhou")
                .then().statusCode(200).body("complete", equalTo(true));
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(400);
    }

    @Test
    @Order(4)
    void whenEveryRegionIsThrottledTheAnswerIs503WithRetryAfter() {
        inject("alibaba-ecs", "*", "throttle", "0ms");
        given().header("Cache-Control", "no-cache").get("/snapshots?provider=alibaba-ecs").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("type", equalTo("/problems/all-sources-failed"))
                .body("sources.size()", equalTo(3));
    }

    @Test
    @Order(5)
    void refusesAnUnknownFaultProviderRegionOrAnUnboundedLatency() {
        for (String[] bad : new String[][]{{"alibaba-ecs", "*", "meteor", "0ms"}, {"gcp", "*", "throttle", "0ms"},
                {"alibaba-ecs", "../x", "throttle", "0ms"}, {"alibaba-ecs", "*", "throttle", "-5ms"},
                {"alibaba-ecs", "*", "throttle", "61s"}, {"huawei-workspace", "cn-north", "throttle", "0ms"}}) {
            given().baseUri("http://127.0.0.1").port(simulator.port()).queryParam("provider", bad[0])
                    .queryParam("region", bad[1]).queryParam("fault", bad[2]).queryParam("latency", bad[3])
                    .post("/_simulator/faults").then().statusCode(400).contentType("application/problem+json");
        }
        given().baseUri("http://127.0.0.1").port(simulator.port()).get("/_simulator/faults").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    private void inject(String provider, String region, String fault, String latency) {
        given().baseUri("http://127.0.0.1").port(simulator.port())
                .queryParam("provider", provider).queryParam("region", region)
                .queryParam("fault", fault).queryParam("latency", latency)
                .post("/_simulator/faults").then().statusCode(200);
    }
}
