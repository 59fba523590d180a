package io.snapshotgateway;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One snapshot in the gateway's normalized shape, whatever vendor it came from.
 *
 * <p>
 * {@code attributes} keeps every vendor field that has no normalized home, so nothing the vendor returned is lost.
 * {@code instanceId} is the instance the snapshot's disk belongs to, when the adapter knows it (an ECS instance
 * lookup): the inventory indexes it for {@code instance_id}; it is not rendered (the vendor's own field, if any, is
 * among the attributes).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "One snapshot in the normalized shape, whatever vendor it came from. Every member is always "
        + "present; a value the vendor did not give, or that did not normalize, is null (the raw value stays under "
        + "attributes).")
@JsonPropertyOrder({"id", "provider", "source", "region", "project_id", "name", "description", "status",
        "vendor_status", "progress", "remaining_seconds", "disk_type", "creation_type", "size_gib", "create_time",
        "resource", "encrypted", "tags", "attributes"})
public record Snapshot(
        @Schema(required = true, description = "The vendor's snapshot id") String id,
        @Schema(required = true) Provider provider,
        @Schema(required = true,
                description = "The configured source (vendor account) it was listed from") String source,
        @Schema(required = true, description = "The vendor region id") String region,
        @Schema(required = true, nullable = true,
                description = "Huawei project id; null for Alibaba") @JsonProperty("project_id") String projectId,
        @Schema(required = true, nullable = true) String name,
        @Schema(required = true, nullable = true) String description,
        @Schema(required = true, nullable = true, description = "Normalized status; null when the vendor's did not "
                + "normalize (see vendor_status)") SnapshotStatus status,
        @Schema(required = true, nullable = true,
                description = "The vendor's own status value") @JsonProperty("vendor_status") String vendorStatus,
        @Schema(required = true, nullable = true, minimum = "0", maximum = "100",
                description = "Percent done") Integer progress,
        @Schema(required = true, nullable = true, minimum = "0", description = "Seconds until done, when the vendor "
                + "says") @JsonProperty("remaining_seconds") Integer remainingSeconds,
        @Schema(required = true, nullable = true) @JsonProperty("disk_type") DiskType diskType,
        @Schema(required = true, nullable = true) @JsonProperty("creation_type") CreationType creationType,
        @Schema(required = true, nullable = true, minimum = "0", description = "Size in GiB; null when the vendor "
                + "does not say (Huawei Workspace)") @JsonProperty("size_gib") Long sizeGib,
        @Schema(required = true, nullable = true,
                description = "UTC, to the second: yyyy-MM-ddTHH:mm:ssZ") @JsonProperty("create_time") @JsonFormat(
                        shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd'T'HH:mm:ss'Z'",
                        timezone = "UTC") Instant createTime,
        @Schema(required = true, nullable = true) Resource resource,
        @Schema(required = true, nullable = true) Boolean encrypted,
        @Schema(required = true, description = "The vendor's tags, key to value") Map<String, String> tags,
        @Schema(required = true, description = "Every vendor field with no normalized home, under the vendor's own "
                + "name") Map<String, Object> attributes,
        @JsonIgnore String instanceId) {
}
