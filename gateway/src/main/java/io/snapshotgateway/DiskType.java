package io.snapshotgateway;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a snapshot was taken of a system disk or a data disk. */
public enum DiskType {
    SYSTEM,
    DATA;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DiskType> fromId(String id) {
        return Normalized.parse(DiskType.class, id);
    }
}
