package io.snapshotgateway;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a snapshot was taken by a schedule ({@code auto}) or by someone ({@code manual}). */
public enum CreationType {
    AUTO,
    MANUAL;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CreationType> fromId(String id) {
        return Normalized.parse(CreationType.class, id);
    }
}
