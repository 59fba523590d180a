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
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.inventory.Inventories;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.LogCapture;
import io.snapshotgateway.support.WireMockNineScopes;

/**
 * Runs every error path the gateway has and checks that no access key id, secret, signature or string-to-sign
 * reaches a response body or a log line.
 */
@QuarkusTest
@WithTestResource(WireMockNineScopes.class)
class SecretsNeverLeakTests {
    private static final List<String> CREDENTIALS = List.of("ak-ecs-a", "sk-ecs-a", "ak-ecs-b", "sk-ecs-b",
            "ak-eds-a", "sk-eds-a");

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
    void noErrorPathLeaksACredentialOrSignature() {
        String v1StringToSign = "GET&%2F&AccessKeyId%3Dak-eds-a%26Action%3DDescribeSnapshots%26Format%3DJSON";
        String v3StringToSign = "ACS3-HMAC-SHA256\\n8f2c0e1d";
        stub("/ecs-a/cn-hangzhou/", 400, alibabaError("SignatureDoesNotMatch",
                "Specified signature is not matched with our calculation. server string to sign is:" + v3StringToSign));
        stub("/ecs-a/cn-shanghai/", 404, alibabaError("InvalidAccessKeyId.NotFound",
                "Specified access key is not found: ak-ecs-a"));
        stub("/ecs-a/cn-beijing/", 400,
                alibabaError("Throttling.User", "Request was denied due to user flow control."));
        stub("/ecs-b/cn-hangzhou/", 502, "<html><body>Bad Gateway sk-ecs-b</body></html>");
        stub("/ecs-b/cn-shanghai/", 200, "{\"Snapshots\": {\"Snapshot\": [");
        wireMock.stubFor(get(urlPathMatching("/ecs-b/cn-beijing/")).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        stub("/eds-a/cn-hangzhou/", 400, alibabaError("SignatureDoesNotMatch",
                "Specified signature is not matched with our calculation. server string to sign is:" + v1StringToSign));
        stub("/eds-a/cn-shanghai/", 403, alibabaError("Forbidden.RAM", "User not authorized: Signature=abc123def"));
        stub("/eds-a/cn-beijing/", 503, alibabaError("ServiceUnavailable", "temporary failure"));

        List<String> bodies = new ArrayList<>();
        bodies.add(given().get("/snapshots").then().statusCode(502).extract().asString());
        bodies.add(given().header("Cache-Control", "no-cache").get("/snapshots?provider=alibaba-ecs&source=ecs-a")
                .then().extract().asString());
        bodies.add(given().get("/snapshots?limit=0&page_token=x&source=sk-ecs-a").then().statusCode(400).extract()
                .asString());
        bodies.add(given().get("/nowhere").then().statusCode(404).extract().asString());

        List<String> sent = new ArrayList<>();
        wireMock.findAll(anyRequestedFor(urlPathMatching("/.*"))).forEach(r -> {
            if (r.getHeader("Authorization") != null) {
                sent.add(r.getHeader("Authorization").replaceAll(".*Signature=", ""));
            }
            if (r.queryParameter("Signature").isPresent()) {
                sent.add(r.queryParameter("Signature").firstValue());
            }
        });
        assertThat(sent).as("the vendors were called with signatures").hasSizeGreaterThanOrEqualTo(9);

        List<String> forbidden = new ArrayList<>(CREDENTIALS);
        forbidden.addAll(sent);
        forbidden.add(v1StringToSign);
        forbidden.add("8f2c0e1d");
        forbidden.add("abc123def");
        // the third body echoes the unknown source name the caller typed: a caller's own input is not a leak
        List<String> gatewayBodies = List.of(bodies.get(0), bodies.get(1), bodies.get(3));
        for (String secret : forbidden) {
            assertThat(gatewayBodies).as("bodies").noneMatch(b -> b.contains(secret));
            assertThat(logs.lines()).as("log lines").noneMatch(l -> l.contains(secret));
        }
        assertThat(bodies.get(0)).contains("SignatureDoesNotMatch", "Throttling.User", "Forbidden.RAM");
        assertThat(logs.lines()).isNotEmpty();
    }

    private void stub(String path, int status, String body) {
        wireMock.stubFor(get(urlPathMatching(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", body.startsWith("<") ? "text/html" : "application/json").withBody(body)));
    }

    private static String alibabaError(String code, String message) {
        return "{\"RequestId\":\"R-1\",\"HostId\":\"ecs.aliyuncs.com\",\"Code\":\"" + code + "\",\"Message\":\""
                + message.replace("\\", "\\\\") + "\"}";
    }
}
