package io.snapshotgateway.provider.alibaba;

import java.time.Instant;
import java.util.Map;

import io.snapshotgateway.CreationType;
import io.snapshotgateway.DiskType;
import io.snapshotgateway.SnapshotStatus;
import io.snapshotgateway.provider.support.NormalizedField;
import io.snapshotgateway.provider.support.VendorAttributes;
import io.snapshotgateway.provider.support.VendorTime;

/**
 * The snapshot fields ECS and EDS share, normalized once. A value that does not normalize is kept raw in the
 * attributes under its vendor name, so nothing the vendor said is lost.
 */
public record AlibabaCommonFields(SnapshotStatus status, DiskType diskType, CreationType creationType,
        Integer progress, Long sizeGib, Instant created) {

    /** The attribute each field's vendor value is kept under when it does not normalize (the adapters' keptRaw). */
    public static final Map<NormalizedField, String> KEPT_RAW = Map.of(
            NormalizedField.DISK_TYPE, "SourceDiskType",
            NormalizedField.CREATION_TYPE, "SnapshotType",
            NormalizedField.PROGRESS, "Progress",
            NormalizedField.SIZE_GIB, "SourceDiskSize",
            NormalizedField.CREATE_TIME, "CreationTime");

    public static AlibabaCommonFields of(String status, String sourceDiskType, String snapshotType, String progress,
            String sourceDiskSize, String creationTime, VendorAttributes attributes) {
        AlibabaCommonFields f = new AlibabaCommonFields(AlibabaValues.status(status),
                AlibabaValues.diskType(sourceDiskType), AlibabaValues.creationType(snapshotType),
                AlibabaValues.progress(progress), AlibabaValues.sizeGib(sourceDiskSize),
                VendorTime.parse(creationTime));
        attributes.keepIfUnnormalized(f.diskType(), KEPT_RAW.get(NormalizedField.DISK_TYPE), sourceDiskType)
                .keepIfUnnormalized(f.creationType(), KEPT_RAW.get(NormalizedField.CREATION_TYPE), snapshotType)
                .keepIfUnnormalized(f.progress(), KEPT_RAW.get(NormalizedField.PROGRESS), progress)
                .keepIfUnnormalized(f.sizeGib(), KEPT_RAW.get(NormalizedField.SIZE_GIB), sourceDiskSize)
                .keepIfUnnormalized(f.created(), KEPT_RAW.get(NormalizedField.CREATE_TIME), creationTime);
        return f;
    }
}
