package io.snapshotgateway.provider.support;

import java.util.Map;
import java.util.function.Function;

import io.snapshotgateway.Snapshot;

/**
 * The snapshot fields the gateway normalizes from a vendor value, by their public names (the {@code field} label of
 * {@code snapshot_gateway_normalized_empty_total}).
 */
public enum NormalizedField {
    STATUS("status", Snapshot::status),
    DISK_TYPE("disk_type", Snapshot::diskType),
    CREATION_TYPE("creation_type", Snapshot::creationType),
    PROGRESS("progress", Snapshot::progress),
    SIZE_GIB("size_gib", Snapshot::sizeGib),
    CREATE_TIME("create_time", Snapshot::createTime);

    private final String id;
    private final Function<Snapshot, Object> normalized;

    NormalizedField(String id, Function<Snapshot, Object> normalized) {
        this.id = id;
        this.normalized = normalized;
    }

    public String id() {
        return id;
    }

    /**
     * Whether the vendor sent a value for this field that normalized to nothing: the field is null while the raw value
     * is there. The raw status is always {@code vendor_status}; the others are where the mapper keeps a value that did
     * not normalize ({@code keptRaw}: field to attribute name). A field the vendor left out or blank is not counted.
     */
    boolean emptied(Snapshot snapshot, Map<NormalizedField, String> keptRaw) {
        if (normalized.apply(snapshot) != null) {
            return false;
        }
        Object raw = this == STATUS ? snapshot.vendorStatus() : raw(snapshot, keptRaw.get(this));
        return raw != null && !raw.toString().isBlank();
    }

    private static Object raw(Snapshot snapshot, String attribute) {
        return attribute == null || snapshot.attributes() == null ? null : snapshot.attributes().get(attribute);
    }
}
