package io.snapshotgateway.provider.huawei.workspace;

import java.util.Locale;

import io.snapshotgateway.CreationType;
import io.snapshotgateway.DiskType;
import io.snapshotgateway.SnapshotStatus;
import io.snapshotgateway.provider.support.VendorValues;

/**
 * Workspace's enum-like values, read in any case. An unknown value normalizes to null (the mapper keeps the raw value
 * in attributes).
 */
final class WorkspaceValues {
    private WorkspaceValues() {
    }

    static SnapshotStatus status(String vendor) {
        return switch (lower(vendor)) {
            case "creating" -> SnapshotStatus.CREATING;
            case "create_success", "restore_success" -> SnapshotStatus.AVAILABLE;
            case "create_failed" -> SnapshotStatus.FAILED;
            case "restoring" -> SnapshotStatus.RESTORING;
            case "restore_failed" -> SnapshotStatus.RESTORE_FAILED;
            default -> null;
        };
    }

    static CreationType creationType(String vendor) {
        return switch (lower(vendor)) {
            case "auto" -> CreationType.AUTO;
            case "manually" -> CreationType.MANUAL;
            default -> null;
        };
    }

    static DiskType diskType(Boolean isSystemDisk) {
        return isSystemDisk == null ? null : isSystemDisk ? DiskType.SYSTEM : DiskType.DATA;
    }

    /** The task progress 0..100; {@code null} means "no task" to the vendor, and anything else is not a progress. */
    static Integer progress(String vendor) {
        return VendorValues.percent(vendor);
    }

    private static String lower(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
