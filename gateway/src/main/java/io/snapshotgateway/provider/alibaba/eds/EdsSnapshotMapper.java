package io.snapshotgateway.provider.alibaba.eds;

import java.util.Map;

import io.snapshotgateway.Resource;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.alibaba.AlibabaCommonFields;
import io.snapshotgateway.provider.support.VendorAttributes;

/** Pure mapping from an EDS snapshot to the normalized one; the resource is the cloud desktop. */
final class EdsSnapshotMapper {
    private EdsSnapshotMapper() {
    }

    static Snapshot toSnapshot(Scope scope, EdsSnapshot s) {
        VendorAttributes attributes = new VendorAttributes();
        attributes.put("DesktopStatus", s.desktopStatus());
        attributes.put("DeletionTime", s.deletionTime());
        attributes.put("Creator", s.creator());
        attributes.put("ProtocolType", s.protocolType());
        attributes.put("VolumeEncryptionKey", s.volumeEncryptionKey());
        attributes.put("DiskStatus", s.diskStatus());
        attributes.put("OsType", s.osType());
        attributes.put("RestorePointId", s.restorePointId());
        attributes.put("RestorePointName", s.restorePointName());
        attributes.putAll(s.other());

        AlibabaCommonFields f = AlibabaCommonFields.of(s.status(), s.sourceDiskType(), s.snapshotType(), s.progress(),
                s.sourceDiskSize(), s.creationTime(), attributes);
        // RemainTime -1 means "still calculating": unknown, not minus one second.
        Integer remaining = s.remainTime() != null && s.remainTime() < 0 ? null : s.remainTime();
        attributes.keepIfUnnormalized(remaining, "RemainTime", s.remainTime());

        return new Snapshot(s.snapshotId(), scope.provider(), scope.source(), scope.region(), null,
                s.snapshotName(), s.description(), f.status(), s.status(), f.progress(), remaining, f.diskType(),
                f.creationType(), f.sizeGib(), f.created(),
                s.desktopId() == null ? null : Resource.desktop(s.desktopId(), s.desktopName()),
                s.volumeEncryptionEnabled(), Map.of(), attributes.build(), null);
    }
}
