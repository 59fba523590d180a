package io.snapshotgateway.provider;

import java.time.Duration;

import io.snapshotgateway.problem.ProblemType;

/**
 * How a vendor call failed, classified. {@code vendorMessage} must already be sanitized: it is shown to callers.
 */
public record UpstreamFailure(
        ProblemType type,
        String detail,
        Integer httpStatus,
        String vendorCode,
        String vendorMessage,
        String vendorRequestId,
        Duration retryAfter) {

    public static UpstreamFailure of(ProblemType type, String detail) {
        return new UpstreamFailure(type, detail, null, null, null, null, null);
    }
}
