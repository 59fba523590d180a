package io.snapshotgateway.provider.alibaba;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.UpstreamFailure;

/** Every Alibaba error code of the vendor reference becomes the right problem type. */
class AlibabaErrorsTests {

    @ParameterizedTest
    @CsvSource({
            // throttling comes as HTTP 400: the code decides, not the status
            "400, Throttling,                       UPSTREAM_THROTTLED",
            "400, Throttling.User,                  UPSTREAM_THROTTLED",
            "400, Throttling.Api,                   UPSTREAM_THROTTLED",
            "404, InvalidAccessKeyId.NotFound,      UPSTREAM_REJECTED",
            "400, SignatureDoesNotMatch,            UPSTREAM_REJECTED",
            "400, IncompleteSignature,              UPSTREAM_REJECTED",
            "400, SignatureNonceUsed,               UPSTREAM_REJECTED",
            "400, InvalidTimeStamp.Expired,         UPSTREAM_REJECTED",
            "403, Forbidden.RAM,                    UPSTREAM_REJECTED",
            "403, Forbidden.RiskControl,            UPSTREAM_REJECTED",
            "400, InvalidParameter.MaxResults,      UPSTREAM_REJECTED",
            "400, UnsupportedParameter,             UPSTREAM_REJECTED",
            "400, MissingParameter,                 UPSTREAM_REJECTED",
            "403, InvalidSnapshotIds.Malformed,     UPSTREAM_REJECTED",
            "404, InvalidFilterKey.NotFound,        UPSTREAM_REJECTED",
            "404, InvalidUsage,                     UPSTREAM_REJECTED",
            "404, InvalidSourceDiskType,            UPSTREAM_REJECTED",
            "404, InvalidStatus.NotFound,           UPSTREAM_REJECTED",
            "404, InvalidSnapshotType.NotFound,     UPSTREAM_REJECTED",
            "400, InvalidTag.Mismatch,              UPSTREAM_REJECTED",
            "400, InvalidTagCount,                  UPSTREAM_REJECTED",
            "404, InvalidSnapshotLinkId.NotFound,   UPSTREAM_REJECTED",
            "404, InvalidInstanceId.NotFound,       UPSTREAM_REJECTED",
            "400, InsufficientBalance,              UPSTREAM_REJECTED",
            "500, InternalError,                    UPSTREAM_UNAVAILABLE",
            "503, ServiceUnavailable,               UPSTREAM_UNAVAILABLE",
            // unknown codes map by status
            "500, SomethingNew,                     UPSTREAM_UNAVAILABLE",
            "418, SomethingNew,                     UPSTREAM_REJECTED",
            "429, SomethingNew,                     UPSTREAM_THROTTLED"})
    void mapsEveryDocumentedCode(int status, String code, ProblemType expected) {
        UpstreamFailure failure = AlibabaErrors.classify(status,
                "{\"RequestId\":\"R-7\",\"HostId\":\"ecs.aliyuncs.com\",\"Code\":\"" + code
                        + "\",\"Message\":\"m\",\"Recommend\":\"https://next.api.aliyun.com/troubleshoot?q=" + code
                        + "\"}",
                null, List.of());
        assertThat(failure.type()).isEqualTo(expected);
        assertThat(failure.vendorCode()).isEqualTo(code);
        assertThat(failure.vendorRequestId()).isEqualTo("R-7");
        assertThat(failure.httpStatus()).isEqualTo(status);
    }

    @Test
    void readsRetryAfterInMillisecondsAndIgnoresNonsense() {
        String throttled = "{\"Code\":\"Throttling.User\",\"Message\":\"Request was denied due to user flow "
                + "control.\"}";
        assertThat(AlibabaErrors.classify(400, throttled, "1500", List.of()).retryAfter())
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(AlibabaErrors.classify(400, throttled, "0", List.of()).retryAfter()).isNull();
        assertThat(AlibabaErrors.classify(400, throttled, "-5", List.of()).retryAfter()).isNull();
        assertThat(AlibabaErrors.classify(400, throttled, "soon", List.of()).retryAfter()).isNull();
    }

    @Test
    void readsTheXmlShapeOfTheSameError() {
        UpstreamFailure failure = AlibabaErrors.classify(400, """
                <?xml version='1.0' encoding='UTF-8'?><Error><RequestId>R-X</RequestId>
                <HostId>ecs.aliyuncs.com</HostId><Code>Throttling.User</Code>
                <Message>Request was denied due to user flow control.</Message></Error>""", null, List.of());
        assertThat(failure.type()).isEqualTo(ProblemType.UPSTREAM_THROTTLED);
        assertThat(failure.vendorCode()).isEqualTo("Throttling.User");
        assertThat(failure.vendorRequestId()).isEqualTo("R-X");
        assertThat(failure.vendorMessage()).isEqualTo("Request was denied due to user flow control.");
    }

    @Test
    void treatsBodiesThatAreNotAlibabaErrorsByStatus() {
        assertThat(AlibabaErrors.classify(502, "<html><body>Bad Gateway</body></html>", null, List.of()).type())
                .isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);
        assertThat(AlibabaErrors.classify(403, "{not json", null, List.of()).type())
                .isEqualTo(ProblemType.UPSTREAM_REJECTED);
        assertThat(AlibabaErrors.classify(504, "", null, List.of()).type()).isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);
    }

    @Test
    void sanitizesTheMessageAgainstTheSourcesSecrets() {
        UpstreamFailure failure = AlibabaErrors.classify(404,
                "{\"Code\":\"InvalidAccessKeyId.NotFound\",\"Message\":\"Specified access key is not found: "
                        + "LTAI5tABC\"}",
                null, List.of("LTAI5tABC", "the-secret"));
        assertThat(failure.vendorMessage()).isEqualTo("Specified access key is not found: [redacted]");
    }
}
