package io.snapshotgateway.provider.alibaba;

import java.util.Locale;

import io.snapshotgateway.CreationType;
import io.snapshotgateway.DiskType;
import io.snapshotgateway.SnapshotStatus;
import io.snapshotgateway.provider.support.VendorValues;

/**
 * Normalizes the enum-like values ECS and EDS share. ECS answers in lowercase, EDS in uppercase; both are accepted.
 * An unknown value normalizes to null (the adapter keeps the raw value in attributes).
 */
public final class AlibabaValues {
    private AlibabaValues() {
    }

    public static SnapshotStatus status(String vendor) {
        return switch (lower(vendor)) {
            case "progressing" -> SnapshotStatus.CREATING;
            case "accomplished" -> SnapshotStatus.AVAILABLE;
            case "failed" -> SnapshotStatus.FAILED;
            default -> null;
        };
    }

    public static DiskType diskType(String vendor) {
        return switch (lower(vendor)) {
            case "system" -> DiskType.SYSTEM;
            case "data" -> DiskType.DATA;
            default -> null;
        };
    }

    /** {@code auto}/{@code user} only: ECS also documents {@code timer} and {@code all}, which stay unnormalized. */
    public static CreationType creationType(String vendor) {
        return switch (lower(vendor)) {
            case "auto" -> CreationType.AUTO;
            case "user" -> CreationType.MANUAL;
            default -> null;
        };
    }

    /** {@code "100%"} (or {@code "100"}) to 100; anything else to null. */
    public static Integer progress(String vendor) {
        return VendorValues.percent(vendor);
    }

    /** Disk size in GiB, sent as a string by the SDK model and as a number in the docs. */
    public static Long sizeGib(String vendor) {
        if (vendor == null) {
            return null;
        }
        try {
            return Long.parseLong(vendor.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String lower(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
