package io.snapshotgateway.provider.alibaba;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.UpstreamFailure;
import io.snapshotgateway.provider.support.VendorMessages;

/**
 * Turns an Alibaba error response into a classified failure. Throttling comes as HTTP 400 with a {@code Throttling*}
 * code, so the code is read before the status.
 */
public final class AlibabaErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REJECTED_PREFIXES = List.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "IncompleteSignature", "SignatureNonceUsed", "InvalidTimeStamp", "InvalidSecurityToken", "Forbidden",
            "NoPermission", "InvalidParameter", "MissingParameter", "UnsupportedParameter", "Invalid",
            "InsufficientBalance", "UnsupportedSignatureMethod", "InvalidApi", "InvalidVersion", "InvalidAction");

    private AlibabaErrors() {
    }

    public static UpstreamException toException(Response response, Collection<String> secrets) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new UpstreamException(classify(response.getStatus(), body,
                response.getHeaderString("x-acs-retry-after"), secrets));
    }

    public static UpstreamFailure classify(int status, String body, String retryAfterMillis,
            Collection<String> secrets) {
        AlibabaErrorBody error = parse(body);
        if (error == null || error.code() == null) {
            return new UpstreamFailure(status >= 500 || status < 400
                    ? ProblemType.UPSTREAM_UNAVAILABLE
                    : status == 429 ? ProblemType.UPSTREAM_THROTTLED : ProblemType.UPSTREAM_REJECTED,
                    "the vendor answered HTTP " + status + " with a body that is not an Alibaba error", status, null,
                    null, null, null);
        }
        ProblemType type = typeOf(status, error.code());
        String message = VendorMessages.sanitize(error.message(), secrets);
        Duration retryAfter = type == ProblemType.UPSTREAM_THROTTLED ? retryAfter(retryAfterMillis) : null;
        return new UpstreamFailure(type, "the vendor answered " + error.code() + " (HTTP " + status + ")", status,
                error.code(), message, error.requestId(), retryAfter);
    }

    static ProblemType typeOf(int status, String code) {
        if (code.startsWith("Throttling") || status == 429) {
            return ProblemType.UPSTREAM_THROTTLED;
        }
        if (code.startsWith("ServiceUnavailable") || code.startsWith("InternalError") || code.startsWith("Unknown")) {
            return ProblemType.UPSTREAM_UNAVAILABLE;
        }
        if (REJECTED_PREFIXES.stream().anyMatch(code::startsWith)) {
            return ProblemType.UPSTREAM_REJECTED;
        }
        return status >= 500 ? ProblemType.UPSTREAM_UNAVAILABLE : ProblemType.UPSTREAM_REJECTED;
    }

    private static Duration retryAfter(String millis) {
        try {
            long ms = millis == null ? 0 : Long.parseLong(millis.trim());
            return ms > 0 ? Duration.ofMillis(ms) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static AlibabaErrorBody parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String trimmed = body.strip();
        if (trimmed.startsWith("<")) {
            return parseXml(trimmed);
        }
        try {
            return JSON.readValue(trimmed, AlibabaErrorBody.class);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * The same error as XML ({@code <Error><Code>…}), which the POP gateway sends when a request asks for it; the
     * official SDK reads both. An HTML page has no {@code Code} element and stays unparsed.
     */
    private static AlibabaErrorBody parseXml(String body) {
        String code = xmlElement(body, "Code");
        return code == null
                ? null
                : new AlibabaErrorBody(xmlElement(body, "RequestId"), xmlElement(body, "HostId"), code,
                        xmlElement(body, "Message"), xmlElement(body, "Recommend"));
    }

    private static String xmlElement(String xml, String name) {
        Matcher m = Pattern
                .compile("<" + name + ">(?:<!\\[CDATA\\[)?(.*?)(?:]]>)?</" + name + ">", Pattern.DOTALL)
                .matcher(xml);
        return m.find() ? m.group(1).trim() : null;
    }
}
