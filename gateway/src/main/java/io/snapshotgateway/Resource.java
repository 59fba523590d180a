package io.snapshotgateway;

import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonValue;

/** The thing a snapshot was taken of: a disk (ECS) or a cloud desktop (EDS, Workspace). */
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"type", "id", "name"})
@Schema(description = "What the snapshot was taken of: a disk (ECS) or a cloud desktop (EDS, Workspace)")
public record Resource(
        @Schema(required = true) Type type,
        @Schema(required = true, description = "The disk's or desktop's vendor id") String id,
        @Schema(required = true, nullable = true, description = "The desktop's name; null for disks") String name) {

    /** Kinds of resource a snapshot can be taken of. */
    @Schema(name = "ResourceType")
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
