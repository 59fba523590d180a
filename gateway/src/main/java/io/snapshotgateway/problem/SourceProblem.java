package io.snapshotgateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What went wrong with one source/region: a problem document plus the vendor's own code, sanitized message and
 * request id, so an operator can quote it to the vendor's support. The three vendor fields are always present (null
 * when the vendor never answered, e.g. a timeout).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "source", "provider", "region", "project_id", "vendor_code",
        "vendor_message", "vendor_request_id", "retry_after_seconds"})
public record SourceProblem(
        String type,
        String title,
        int status,
        String detail,
        String source,
        String provider,
        String region,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("vendor_code") @JsonInclude(JsonInclude.Include.ALWAYS) String vendorCode,
        @JsonProperty("vendor_message") @JsonInclude(JsonInclude.Include.ALWAYS) String vendorMessage,
        @JsonProperty("vendor_request_id") @JsonInclude(JsonInclude.Include.ALWAYS) String vendorRequestId,
        @JsonProperty("retry_after_seconds") Long retryAfterSeconds) {
}
