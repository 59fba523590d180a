package io.snapshotgateway.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
@Schema(description = "An RFC 9457 problem about one source/region, with the vendor's own code, sanitized message and "
        + "request id (null when the vendor never answered, e.g. a timeout)")
public record SourceProblem(
        @Schema(required = true, format = "uri-reference",
                description = "A path on this gateway that explains it") String type,
        @Schema(required = true) String title,
        @Schema(required = true, minimum = "400", maximum = "599", description = "The HTTP status this failure "
                + "alone would have") int status,
        @Schema(required = true) String detail,
        @Schema(required = true) String source,
        @Schema(required = true, ref = "Provider") String provider,
        @Schema(required = true) String region,
        @Schema(description = "Huawei project id (Huawei sources only)") @JsonProperty("project_id") String projectId,
        @Schema(required = true, nullable = true,
                description = "The vendor's error code, e.g. Throttling.User") @JsonProperty("vendor_code") @JsonInclude(JsonInclude.Include.ALWAYS) String vendorCode,
        @Schema(required = true, nullable = true, description = "The vendor's message, with any credential, "
                + "signature or string-to-sign removed") @JsonProperty("vendor_message") @JsonInclude(JsonInclude.Include.ALWAYS) String vendorMessage,
        @Schema(required = true, nullable = true,
                description = "The vendor's request id, for its support") @JsonProperty("vendor_request_id") @JsonInclude(JsonInclude.Include.ALWAYS) String vendorRequestId,
        @Schema(minimum = "1",
                description = "When to try again, for throttling") @JsonProperty("retry_after_seconds") Long retryAfterSeconds) {
}
