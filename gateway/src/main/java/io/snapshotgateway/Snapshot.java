package io.snapshotgateway;

import java.time.Instant;
import java.util.Map;

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
@JsonPropertyOrder({"id", "provider", "source", "region", "project_id", "name", "description", "status",
        "vendor_status", "progress", "remaining_seconds", "disk_type", "creation_type", "size_gib", "create_time",
        "resource", "encrypted", "tags", "attributes"})
public record Snapshot(
        String id,
        Provider provider,
        String source,
        String region,
        @JsonProperty("project_id") String projectId,
        String name,
        String description,
        SnapshotStatus status,
        @JsonProperty("vendor_status") String vendorStatus,
        Integer progress,
        @JsonProperty("remaining_seconds") Integer remainingSeconds,
        @JsonProperty("disk_type") DiskType diskType,
        @JsonProperty("creation_type") CreationType creationType,
        @JsonProperty("size_gib") Long sizeGib,
        @JsonProperty("create_time") @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd'T'HH:mm:ss'Z'",
                timezone = "UTC") Instant createTime,
        Resource resource,
        Boolean encrypted,
        Map<String, String> tags,
        Map<String, Object> attributes,
        @JsonIgnore String instanceId) {
}
