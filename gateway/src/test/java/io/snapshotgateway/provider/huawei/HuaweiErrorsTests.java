package io.snapshotgateway.provider.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.UpstreamFailure;

class HuaweiErrorsTests {
    private static final List<String> SECRETS = List.of("HPUAXXXXAKID", "sk-very-secret");

    @Test
    void readsApiGatewayThrottlingBeforeTheStatus() {
        UpstreamFailure failure = HuaweiErrors.classify(429,
                """
                        {"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 minute"}
                        """,
                "7", "req-1", SECRETS);

        assertThat(failure.type()).isEqualTo(ProblemType.UPSTREAM_THROTTLED);
        assertThat(failure.vendorCode()).isEqualTo("APIGW.0308");
        assertThat(failure.vendorRequestId()).isEqualTo("req-1");
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        // The APIG spelling some services use, on a status that would otherwise read as rejected.
        assertThat(
                HuaweiErrors.classify(400, "{\"error_code\":\"APIG.0308\",\"error_msg\":\"x\"}", null, null, SECRETS))
                .extracting(UpstreamFailure::type, UpstreamFailure::retryAfter)
                .containsExactly(ProblemType.UPSTREAM_THROTTLED, null);
    }

    @Test
    void rejectsAuthenticationFailuresAndSanitizesTheirMessage() {
        UpstreamFailure failure = HuaweiErrors.classify(401,
                """
                        {"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: Get secretKey failed,ak:HPUAXXXXAKID,err:ak not exist"}
                        """,
                "3", null, SECRETS);

        assertThat(failure.type()).isEqualTo(ProblemType.UPSTREAM_REJECTED);
        assertThat(failure.vendorMessage()).startsWith("Incorrect IAM authentication information")
                .doesNotContain("HPUAXXXXAKID");
        assertThat(failure.retryAfter()).as("only a throttle carries a retry time").isNull();
        assertThat(HuaweiErrors.classify(500, "{\"error_code\":\"APIGW.0307\",\"error_msg\":\"x\"}", null, null,
                SECRETS).type()).isEqualTo(ProblemType.UPSTREAM_REJECTED);
    }

    @Test
    void classifiesServiceCodesByStatus() {
        assertThat(type(400, "{\"error_code\":\"WKS.0001\",\"error_msg\":\"empty\"}"))
                .isEqualTo(ProblemType.UPSTREAM_REJECTED);
        assertThat(type(403, "{\"error_code\":\"Workspace.0403\",\"error_msg\":\"no\"}"))
                .isEqualTo(ProblemType.UPSTREAM_REJECTED);
        assertThat(type(404, "{\"error_code\":\"WKS.0404\",\"error_msg\":\"no\"}"))
                .isEqualTo(ProblemType.UPSTREAM_REJECTED);
        assertThat(type(500, "{\"error_code\":\"WKS.0500\",\"error_msg\":\"boom\"}"))
                .isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);
        assertThat(type(503, "{\"error_code\":\"APIGW.0201\",\"error_msg\":\"busy\"}"))
                .isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);
    }

    @Test
    void fallsBackToCodeAndMessageAndToANestedError() {
        UpstreamFailure plain = HuaweiErrors.classify(403, "{\"code\":\"IAM.0001\",\"message\":\"denied\"}", null,
                null, SECRETS);
        assertThat(plain.vendorCode()).isEqualTo("IAM.0001");
        assertThat(plain.vendorMessage()).isEqualTo("denied");

        UpstreamFailure nested = HuaweiErrors.classify(401,
                "{\"error\":{\"code\":\"EPS.0003\",\"message\":\"policy doesn't allow "
                        + "workspace:desktops:listSnapshots\"},"
                        + "\"request_id\":\"body-id\"}",
                null, null, SECRETS);
        assertThat(nested.vendorCode()).isEqualTo("EPS.0003");
        assertThat(nested.vendorMessage()).contains("policy doesn't allow");
        assertThat(nested.vendorRequestId()).as("the header wins; the body's id is the fallback").isEqualTo("body-id");
    }

    @Test
    void classifiesABodyThatIsNotAHuaweiErrorByStatus() {
        UpstreamFailure html = HuaweiErrors.classify(502, "<html><body>Bad Gateway</body></html>", null, "req-9",
                SECRETS);
        assertThat(html.type()).isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);
        assertThat(html.detail()).contains("not a Huawei error");
        assertThat(html.vendorCode()).isNull();
        assertThat(html.vendorRequestId()).isEqualTo("req-9");

        assertThat(type(403, "{\"unexpected\":true}")).isEqualTo(ProblemType.UPSTREAM_REJECTED);
        assertThat(type(429, "")).isEqualTo(ProblemType.UPSTREAM_THROTTLED);
        assertThat(type(400, "{\"error_code\":")).isEqualTo(ProblemType.UPSTREAM_REJECTED);
    }

    private static ProblemType type(int status, String body) {
        return HuaweiErrors.classify(status, body, null, null, SECRETS).type();
    }
}
