package io.snapshotgateway.provider.huawei;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.UpstreamFailure;
import io.snapshotgateway.provider.support.VendorMessages;

/**
 * Turns a Huawei Cloud error response into a classified failure. API Gateway codes ({@code APIGW.*}, spelled
 * {@code APIG.*} by some services) are read before the status; service codes ({@code WKS.*}) are classified by status.
 */
public final class HuaweiErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> THROTTLED = Set.of("APIGW.0308", "APIG.0308");
    /** IAM (0301), app (0303) authentication failures and a token that must be renewed (0307). */
    private static final Set<String> REJECTED = Set.of("APIGW.0301", "APIG.0301", "APIGW.0303", "APIG.0303",
            "APIGW.0307", "APIG.0307");

    private HuaweiErrors() {
    }

    public static UpstreamException toException(Response response, Collection<String> secrets) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new UpstreamException(classify(response.getStatus(), body, response.getHeaderString("Retry-After"),
                response.getHeaderString("X-Request-Id"), secrets));
    }

    /**
     * @param retryAfterSeconds the {@code Retry-After} header, or null
     * @param requestId the {@code X-Request-Id} header, or null
     */
    public static UpstreamFailure classify(int status, String body, String retryAfterSeconds, String requestId,
            Collection<String> secrets) {
        HuaweiErrorBody error = parse(body);
        String code = error == null ? null : error.code();
        if (code == null) {
            ProblemType type = typeOf(status, "");
            return new UpstreamFailure(type, "the vendor answered HTTP " + status
                    + " with a body that is not a Huawei error", status, null, null, requestId,
                    retryAfter(type, retryAfterSeconds));
        }
        ProblemType type = typeOf(status, code);
        return new UpstreamFailure(type, "the vendor answered " + code + " (HTTP " + status + ")", status, code,
                VendorMessages.sanitize(error.message(), secrets),
                requestId != null ? requestId : error.requestId(), retryAfter(type, retryAfterSeconds));
    }

    static ProblemType typeOf(int status, String code) {
        if (status == 429 || THROTTLED.contains(code)) {
            return ProblemType.UPSTREAM_THROTTLED;
        }
        if (REJECTED.contains(code)) {
            return ProblemType.UPSTREAM_REJECTED;
        }
        return status >= 500 || status < 400 ? ProblemType.UPSTREAM_UNAVAILABLE : ProblemType.UPSTREAM_REJECTED;
    }

    /** Huawei sends {@code Retry-After} in seconds, if at all. */
    private static Duration retryAfter(ProblemType type, String seconds) {
        if (type != ProblemType.UPSTREAM_THROTTLED || seconds == null) {
            return null;
        }
        try {
            long s = Long.parseLong(seconds.trim());
            return s > 0 ? Duration.ofSeconds(s) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static HuaweiErrorBody parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(body, HuaweiErrorBody.class);
        } catch (Exception e) {
            return null;
        }
    }
}
