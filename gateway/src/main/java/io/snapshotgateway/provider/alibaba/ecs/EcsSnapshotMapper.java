package io.snapshotgateway.provider.alibaba.ecs;

import java.util.LinkedHashMap;
import java.util.Map;

import io.snapshotgateway.Resource;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.alibaba.AlibabaCommonFields;
import io.snapshotgateway.provider.support.VendorAttributes;

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
        attributes.put("InstanceId", instanceId);
        attributes.putAll(s.other());

        AlibabaCommonFields f = AlibabaCommonFields.of(s.status(), s.sourceDiskType(), s.snapshotType(), s.progress(),
                s.sourceDiskSize(), s.creationTime(), attributes);

        return new Snapshot(s.snapshotId(), scope.provider(), scope.source(), scope.region(), null,
                s.snapshotName(), s.description(), f.status(), s.status(), f.progress(), s.remainTime(), f.diskType(),
                f.creationType(), f.sizeGib(), f.created(),
                s.sourceDiskId() == null ? null : Resource.disk(s.sourceDiskId()),
                s.encrypted(), tags(s.tags()), attributes.build(), instanceId);
    }

    private static Map<String, String> tags(EcsSnapshot.Tags tags) {
        Map<String, String> result = new LinkedHashMap<>();
        if (tags != null && tags.tag() != null) {
            tags.tag().forEach(t -> result.put(t.tagKey(), t.tagValue()));
        }
        return result;
    }
}
