package io.snapshotgateway.provider.alibaba.ecs;

import java.util.LinkedHashMap;
import java.util.Map;

import io.snapshotgateway.Resource;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.VendorAttributes;
import io.snapshotgateway.provider.VendorTime;
import io.snapshotgateway.provider.alibaba.AlibabaValues;

/** Pure mapping from an ECS snapshot to the normalized one. */
final class EcsSnapshotMapper {
    private EcsSnapshotMapper() {
    }

    /**
     * @param instanceId the instance the listing was filtered by (ECS does not return it per snapshot), or null
     */
    static Snapshot toSnapshot(Scope scope, EcsSnapshot s, String instanceId) {
        VendorAttributes attributes = new VendorAttributes();
        attributes.put("LastModifiedTime", s.lastModifiedTime());
        attributes.put("SourceStorageType", s.sourceStorageType());
        attributes.put("Usage", s.usage());
        attributes.put("RetentionDays", s.retentionDays());
        attributes.put("KMSKeyId", s.kmsKeyId());
        attributes.put("ProductCode", s.productCode());
        attributes.put("RegionId", s.regionId());
        attributes.put("ResourceGroupId", s.resourceGroupId());
        attributes.put("SnapshotSN", s.snapshotSn());
        attributes.put("SnapshotLinkId", s.snapshotLinkId());
        attributes.put("SourceSnapshotId", s.sourceSnapshotId());
        attributes.put("SourceRegionId", s.sourceRegionId());
        attributes.put("Category", s.category());
        attributes.put("InstantAccess", s.instantAccess());
        attributes.put("InstantAccessRetentionDays", s.instantAccessRetentionDays());
        attributes.put("Available", s.available());
        attributes.put(Snapshot.INSTANCE_ID_ATTRIBUTE, instanceId);
        attributes.putAll(s.other());

        var status = AlibabaValues.status(s.status());
        var diskType = AlibabaValues.diskType(s.sourceDiskType());
        var creationType = AlibabaValues.creationType(s.snapshotType());
        var progress = AlibabaValues.progress(s.progress());
        var size = AlibabaValues.sizeGib(s.sourceDiskSize());
        var created = VendorTime.parse(s.creationTime());
        // A value that did not normalize is kept raw, so nothing the vendor said is lost.
        attributes.keepIfUnnormalized(diskType, "SourceDiskType", s.sourceDiskType());
        attributes.keepIfUnnormalized(creationType, "SnapshotType", s.snapshotType());
        attributes.keepIfUnnormalized(progress, "Progress", s.progress());
        attributes.keepIfUnnormalized(size, "SourceDiskSize", s.sourceDiskSize());
        attributes.keepIfUnnormalized(created, "CreationTime", s.creationTime());

        return new Snapshot(s.snapshotId(), scope.provider(), scope.source(), scope.region(), null,
                s.snapshotName(), s.description(), status, s.status(), progress, s.remainTime(), diskType,
                creationType, size, created, s.sourceDiskId() == null ? null : Resource.disk(s.sourceDiskId()),
                s.encrypted(), tags(s.tags()), attributes.build());
    }

    private static Map<String, String> tags(EcsSnapshot.Tags tags) {
        Map<String, String> result = new LinkedHashMap<>();
        if (tags != null && tags.tag() != null) {
            tags.tag().forEach(t -> result.put(t.tagKey(), t.tagValue()));
        }
        return result;
    }
}
