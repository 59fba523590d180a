package io.snapshotgateway.provider.huawei.workspace;

import java.util.Map;
import java.util.TreeMap;

import io.snapshotgateway.Resource;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.VendorTime;

/** Pure mapping from a Workspace snapshot to the normalized one. */
final class WorkspaceSnapshotMapper {
    private WorkspaceSnapshotMapper() {
    }

    static Snapshot toSnapshot(Scope scope, WorkspaceSnapshot s) {
        Map<String, Object> attributes = new TreeMap<>();
        put(attributes, "desktop_sid", s.desktopSid());
        put(attributes, "desktop_pool_id", s.desktopPoolId());
        put(attributes, "last_restore_time", s.lastRestoreTime());
        put(attributes, "restore_fail_reason", s.restoreFailReason());
        s.other().forEach((k, v) -> put(attributes, k, v));

        var status = WorkspaceValues.status(s.status());
        var creationType = WorkspaceValues.creationType(s.createType());
        var progress = WorkspaceValues.progress(s.process());
        var created = VendorTime.parse(s.createTime());
        // A value that did not normalize is kept raw, so nothing the vendor said is lost.
        keepRawIf(status == null, attributes, "status", s.status());
        keepRawIf(creationType == null, attributes, "create_type", s.createType());
        keepRawIf(progress == null, attributes, "process", s.process());
        keepRawIf(created == null, attributes, "create_time", s.createTime());
        // A desktop without an id is no resource to filter by; its name is still kept.
        keepRawIf(s.desktopId() == null, attributes, "desktop_name", s.desktopName());

        return new Snapshot(s.snapshotId(), scope.provider(), scope.source(), scope.region(), scope.projectId(),
                s.snapshotName(), s.description(), status, s.status(), progress, null,
                WorkspaceValues.diskType(s.isSystemDisk()), creationType, null, created,
                s.desktopId() == null ? null : Resource.desktop(s.desktopId(), s.desktopName()),
                null, Map.of(), attributes);
    }

    private static void keepRawIf(boolean lost, Map<String, Object> attributes, String key, Object raw) {
        if (lost) {
            put(attributes, key, raw);
        }
    }

    private static void put(Map<String, Object> attributes, String key, Object value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
