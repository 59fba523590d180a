package io.snapshotgateway.provider.huawei.workspace;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One Workspace {@code DesktopSnapshotDetailInfo} exactly as the vendor sends it: every documented field, plus any
 * undocumented one in {@code other} so that nothing is dropped. {@code process} is read as text so that a value such as
 * {@code "40%"} does not fail the whole page; the mapper normalizes it.
 */
record WorkspaceSnapshot(
        @JsonProperty("snapshot_id") String snapshotId,
        @JsonProperty("snapshot_name") String snapshotName,
        @JsonProperty("desktop_id") String desktopId,
        @JsonProperty("desktop_name") String desktopName,
        @JsonProperty("desktop_sid") String desktopSid,
        @JsonProperty("desktop_pool_id") String desktopPoolId,
        @JsonProperty("is_system_disk") Boolean isSystemDisk,
        @JsonProperty("status") String status,
        @JsonProperty("process") String process,
        @JsonProperty("description") String description,
        @JsonProperty("create_time") String createTime,
        @JsonProperty("create_type") String createType,
        @JsonProperty("last_restore_time") String lastRestoreTime,
        @JsonProperty("restore_fail_reason") String restoreFailReason,
        @JsonAnySetter Map<String, Object> other) {

    WorkspaceSnapshot {
        other = other == null ? new LinkedHashMap<>() : other;
    }
}
