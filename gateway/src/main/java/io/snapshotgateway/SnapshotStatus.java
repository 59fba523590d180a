package io.snapshotgateway;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Normalized snapshot status, the same for every provider. */
public enum SnapshotStatus {
    CREATING,
    AVAILABLE,
    FAILED,
    RESTORING,
    RESTORE_FAILED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SnapshotStatus> fromId(String id) {
        return Normalized.parse(SnapshotStatus.class, id);
    }
}
