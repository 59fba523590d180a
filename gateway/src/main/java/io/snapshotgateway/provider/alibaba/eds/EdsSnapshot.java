package io.snapshotgateway.provider.alibaba.eds;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One EDS snapshot as the vendor sends it: every documented field (the SDK model's newer ones included), plus any
 * undocumented one in {@code other}. Numbers arrive as strings in the doc sample, so types are read leniently.
 */
record EdsSnapshot(
        @JsonProperty("SnapshotId") String snapshotId,
        @JsonProperty("SnapshotName") String snapshotName,
        @JsonProperty("Description") String description,
        @JsonProperty("DesktopId") String desktopId,
        @JsonProperty("DesktopName") String desktopName,
        @JsonProperty("DesktopStatus") String desktopStatus,
        @JsonProperty("Status") String status,
        @JsonProperty("Progress") String progress,
        @JsonProperty("RemainTime") Integer remainTime,
        @JsonProperty("CreationTime") String creationTime,
        @JsonProperty("DeletionTime") String deletionTime,
        @JsonProperty("Creator") String creator,
        @JsonProperty("SnapshotType") String snapshotType,
        @JsonProperty("SourceDiskType") String sourceDiskType,
        @JsonProperty("SourceDiskSize") String sourceDiskSize,
        @JsonProperty("ProtocolType") String protocolType,
        @JsonProperty("VolumeEncryptionEnabled") Boolean volumeEncryptionEnabled,
        @JsonProperty("VolumeEncryptionKey") String volumeEncryptionKey,
        @JsonProperty("DiskStatus") String diskStatus,
        @JsonProperty("OsType") String osType,
        @JsonProperty("RestorePointId") String restorePointId,
        @JsonProperty("RestorePointName") String restorePointName,
        @JsonAnySetter Map<String, Object> other) {

    EdsSnapshot {
        other = other == null ? new LinkedHashMap<>() : other;
    }
}
