package io.snapshotgateway.provider.alibaba.ecs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One ECS snapshot exactly as the vendor sends it: every documented field, plus any undocumented one in
 * {@code other} so that nothing is dropped. Sizes and flags are read leniently (the docs show strings and numbers).
 */
record EcsSnapshot(
        @JsonProperty("SnapshotId") String snapshotId,
        @JsonProperty("SnapshotName") String snapshotName,
        @JsonProperty("Description") String description,
        @JsonProperty("Status") String status,
        @JsonProperty("Progress") String progress,
        @JsonProperty("RemainTime") Integer remainTime,
        @JsonProperty("CreationTime") String creationTime,
        @JsonProperty("LastModifiedTime") String lastModifiedTime,
        @JsonProperty("SnapshotType") String snapshotType,
        @JsonProperty("SourceDiskId") String sourceDiskId,
        @JsonProperty("SourceDiskSize") String sourceDiskSize,
        @JsonProperty("SourceDiskType") String sourceDiskType,
        @JsonProperty("SourceStorageType") String sourceStorageType,
        @JsonProperty("Usage") String usage,
        @JsonProperty("RetentionDays") Integer retentionDays,
        @JsonProperty("Encrypted") Boolean encrypted,
        @JsonProperty("KMSKeyId") String kmsKeyId,
        @JsonProperty("ProductCode") String productCode,
        @JsonProperty("RegionId") String regionId,
        @JsonProperty("ResourceGroupId") String resourceGroupId,
        @JsonProperty("SnapshotSN") String snapshotSn,
        @JsonProperty("SnapshotLinkId") String snapshotLinkId,
        @JsonProperty("SourceSnapshotId") String sourceSnapshotId,
        @JsonProperty("SourceRegionId") String sourceRegionId,
        @JsonProperty("Category") String category,
        @JsonProperty("InstantAccess") Boolean instantAccess,
        @JsonProperty("InstantAccessRetentionDays") Integer instantAccessRetentionDays,
        @JsonProperty("Available") Boolean available,
        @JsonProperty("Tags") Tags tags,
        @JsonAnySetter Map<String, Object> other) {

    EcsSnapshot {
        other = other == null ? new LinkedHashMap<>() : other;
    }

    /** The {@code {"Tag": [...]}} wrapper. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tags(@JsonProperty("Tag") List<Tag> tag) {
    }

    /** One tag. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tag(@JsonProperty("TagKey") String tagKey, @JsonProperty("TagValue") String tagValue) {
    }
}
