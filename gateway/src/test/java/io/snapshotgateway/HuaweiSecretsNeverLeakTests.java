package io.snapshotgateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.inventory.Inventories;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.LogCapture;
import io.snapshotgateway.support.WireMockWorkspace;

/** The Huawei error paths leak no AK, SK, signature or canonical request into a body or a log line. */
@QuarkusTest
@WithTestResource(WireMockWorkspace.class)
class HuaweiSecretsNeverLeakTests {

    @Inject
    Inventories inventories;

    @InjectWireMock
    WireMockServer wireMock;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @BeforeEach
    void resetVendor() {
        inventories.reset();
        wireMock.resetAll();
    }

    @Test
    void noHuaweiErrorPathLeaksACredentialOrSignature() {
        String canonical = "GET\\n/v2/" + WireMockWorkspace.NORTH_4_PROJECT + "/snapshots/\\nlimit=1000";
        wireMock.stubFor(get(urlPathMatching("/cn-north-4/.*")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withHeader("X-Request-Id", "req-hw-1")
                .withBody("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: "
                        + "verify aksk signature fail, ak:" + WireMockWorkspace.ACCESS_KEY_ID + ", canonical request: "
                        + canonical + "\"}")));
        wireMock.stubFor(get(urlPathMatching("/cn-east-3/.*")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"WKS.0004\",\"message\":\"denied for "
                        + WireMockWorkspace.ACCESS_KEY_SECRET + "\"}}")));

        String body = given().get("/snapshots").then().statusCode(502).extract().asString();

        List<String> forbidden = new ArrayList<>(List.of(WireMockWorkspace.ACCESS_KEY_ID,
                WireMockWorkspace.ACCESS_KEY_SECRET, "limit=1000"));
        wireMock.findAll(anyRequestedFor(urlPathMatching("/.*"))).forEach(r -> forbidden
                .add(r.getHeader("Authorization").replaceAll(".*Signature=", "")));
        assertThat(forbidden).hasSizeGreaterThanOrEqualTo(5);
        for (String secret : forbidden) {
            assertThat(body).doesNotContain(secret);
            assertThat(logs.lines()).noneMatch(line -> line.contains(secret));
        }
        assertThat(body).contains("APIGW.0301", "WKS.0004", "req-hw-1");
    }
}
