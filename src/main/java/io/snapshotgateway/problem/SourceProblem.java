package io.snapshotgateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What went wrong with one source/region: a problem document plus the vendor's own code, sanitized message and
 * request id, so an operator can quote it to the vendor's support.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "source", "provider", "region", "project_id", "vendor_code",
        "vendor_message", "vendor_request_id", "retry_after_seconds" })
public record SourceProblem(
        String type,
        String title,
        int status,
        String detail,
        String source,
        String provider,
        String region,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("vendor_code") String vendorCode,
        @JsonProperty("vendor_message") String vendorMessage,
        @JsonProperty("vendor_request_id") String vendorRequestId,
        @JsonProperty("retry_after_seconds") Long retryAfterSeconds) {
}
