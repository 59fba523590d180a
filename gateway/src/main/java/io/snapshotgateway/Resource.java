package io.snapshotgateway;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The thing a snapshot was taken of: a disk (ECS) or a cloud desktop (EDS, Workspace). */
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"type", "id", "name"})
public record Resource(Type type, String id, String name) {

    /** Kinds of resource a snapshot can be taken of. */
    public enum Type {
        DISK,
        DESKTOP;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Resource disk(String id) {
        return new Resource(Type.DISK, id, null);
    }

    public static Resource desktop(String id, String name) {
        return new Resource(Type.DESKTOP, id, name);
    }
}
