package io.snapshotgateway.provider.alibaba.ecs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.snapshotgateway.Resource;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.provider.Scope;
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
        Map<String, Object> attributes = new TreeMap<>();
        put(attributes, "LastModifiedTime", s.lastModifiedTime());
        put(attributes, "SourceStorageType", s.sourceStorageType());
        put(attributes, "Usage", s.usage());
        put(attributes, "RetentionDays", s.retentionDays());
        put(attributes, "KMSKeyId", s.kmsKeyId());
        put(attributes, "ProductCode", s.productCode());
        put(attributes, "RegionId", s.regionId());
        put(attributes, "ResourceGroupId", s.resourceGroupId());
        put(attributes, "SnapshotSN", s.snapshotSn());
        put(attributes, "SnapshotLinkId", s.snapshotLinkId());
        put(attributes, "SourceSnapshotId", s.sourceSnapshotId());
        put(attributes, "SourceRegionId", s.sourceRegionId());
        put(attributes, "Category", s.category());
        put(attributes, "InstantAccess", s.instantAccess());
        put(attributes, "InstantAccessRetentionDays", s.instantAccessRetentionDays());
        put(attributes, "Available", s.available());
        put(attributes, Snapshot.INSTANCE_ID_ATTRIBUTE, instanceId);
        s.other().forEach((k, v) -> put(attributes, k, v));

        var status = AlibabaValues.status(s.status());
        var diskType = AlibabaValues.diskType(s.sourceDiskType());
        var creationType = AlibabaValues.creationType(s.snapshotType());
        var progress = AlibabaValues.progress(s.progress());
        var size = AlibabaValues.sizeGib(s.sourceDiskSize());
        var created = VendorTime.parse(s.creationTime());
        // A value that did not normalize is kept raw, so nothing the vendor said is lost.
        keepRawIf(diskType == null, attributes, "SourceDiskType", s.sourceDiskType());
        keepRawIf(creationType == null, attributes, "SnapshotType", s.snapshotType());
        keepRawIf(progress == null, attributes, "Progress", s.progress());
        keepRawIf(size == null, attributes, "SourceDiskSize", s.sourceDiskSize());
        keepRawIf(created == null, attributes, "CreationTime", s.creationTime());

        return new Snapshot(s.snapshotId(), scope.provider(), scope.source(), scope.region(), null,
                s.snapshotName(), s.description(), status, s.status(), progress, s.remainTime(), diskType,
                creationType, size, created, s.sourceDiskId() == null ? null : Resource.disk(s.sourceDiskId()),
                s.encrypted(), tags(s.tags()), attributes);
    }

    private static Map<String, String> tags(EcsSnapshot.Tags tags) {
        Map<String, String> result = new LinkedHashMap<>();
        if (tags != null && tags.tag() != null) {
            tags.tag().forEach(t -> result.put(t.tagKey(), t.tagValue()));
        }
        return result;
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
