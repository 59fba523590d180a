package io.snapshotgateway.provider.huawei.workspace;

import java.util.Map;

import io.snapshotgateway.Resource;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.support.NormalizedField;
import io.snapshotgateway.provider.support.VendorAttributes;
import io.snapshotgateway.provider.support.VendorTime;

/** Pure mapping from a Workspace snapshot to the normalized one. */
final class WorkspaceSnapshotMapper {
    /** The attribute each field's vendor value is kept under when it does not normalize (the adapter's keptRaw). */
    static final Map<NormalizedField, String> KEPT_RAW = Map.of(
            NormalizedField.CREATION_TYPE, "create_type",
            NormalizedField.PROGRESS, "process",
            NormalizedField.CREATE_TIME, "create_time");

    private WorkspaceSnapshotMapper() {
    }

    static Snapshot toSnapshot(Scope scope, WorkspaceSnapshot s) {
        VendorAttributes attributes = new VendorAttributes();
        attributes.put("desktop_sid", s.desktopSid());
        attributes.put("desktop_pool_id", s.desktopPoolId());
        attributes.put("last_restore_time", s.lastRestoreTime());
        attributes.put("restore_fail_reason", s.restoreFailReason());
        attributes.putAll(s.other());

        var status = WorkspaceValues.status(s.status());
        var creationType = WorkspaceValues.creationType(s.createType());
        var progress = WorkspaceValues.progress(s.process());
        var created = VendorTime.parse(s.createTime());
        // A value that did not normalize is kept raw, so nothing the vendor said is lost.
        attributes.keepIfUnnormalized(status, "status", s.status());
        attributes.keepIfUnnormalized(creationType, KEPT_RAW.get(NormalizedField.CREATION_TYPE), s.createType());
        attributes.keepIfUnnormalized(progress, KEPT_RAW.get(NormalizedField.PROGRESS), s.process());
        attributes.keepIfUnnormalized(created, KEPT_RAW.get(NormalizedField.CREATE_TIME), s.createTime());
        // A desktop without an id is no resource to filter by; its name is still kept.
        attributes.keepIfUnnormalized(s.desktopId(), "desktop_name", s.desktopName());

        return new Snapshot(s.snapshotId(), scope.provider(), scope.source(), scope.region(), scope.projectId(),
                s.snapshotName(), s.description(), status, s.status(), progress, null,
                WorkspaceValues.diskType(s.isSystemDisk()), creationType, null, created,
                s.desktopId() == null ? null : Resource.desktop(s.desktopId(), s.desktopName()),
                null, Map.of(), attributes.build(), null);
    }
}
