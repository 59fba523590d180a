package io.snapshotgateway.provider.alibaba;

import java.time.Instant;

import io.snapshotgateway.CreationType;
import io.snapshotgateway.DiskType;
import io.snapshotgateway.SnapshotStatus;
import io.snapshotgateway.provider.support.VendorAttributes;
import io.snapshotgateway.provider.support.VendorTime;

/**
 * The snapshot fields ECS and EDS share, normalized once. A value that does not normalize is kept raw in the
 * attributes under its vendor name, so nothing the vendor said is lost.
 */
public record AlibabaCommonFields(SnapshotStatus status, DiskType diskType, CreationType creationType,
        Integer progress, Long sizeGib, Instant created) {

    public static AlibabaCommonFields of(String status, String sourceDiskType, String snapshotType, String progress,
            String sourceDiskSize, String creationTime, VendorAttributes attributes) {
        AlibabaCommonFields f = new AlibabaCommonFields(AlibabaValues.status(status),
                AlibabaValues.diskType(sourceDiskType), AlibabaValues.creationType(snapshotType),
                AlibabaValues.progress(progress), AlibabaValues.sizeGib(sourceDiskSize),
                VendorTime.parse(creationTime));
        attributes.keepIfUnnormalized(f.diskType(), "SourceDiskType", sourceDiskType)
                .keepIfUnnormalized(f.creationType(), "SnapshotType", snapshotType)
                .keepIfUnnormalized(f.progress(), "Progress", progress)
                .keepIfUnnormalized(f.sizeGib(), "SourceDiskSize", sourceDiskSize)
                .keepIfUnnormalized(f.created(), "CreationTime", creationTime);
        return f;
    }
}
