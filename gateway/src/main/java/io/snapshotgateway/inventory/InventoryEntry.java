package io.snapshotgateway.inventory;

import io.snapshotgateway.CreationType;
import io.snapshotgateway.DiskType;
import io.snapshotgateway.Resource;
import io.snapshotgateway.SnapshotStatus;

/**
 * One snapshot as an inventory keeps it: the fields queries filter, sort and count on, and the snapshot's JSON,
 * rendered once when the inventory was built. Keeping the JSON instead of the object graph makes an entry about
 * half the size, and a page is then a concatenation of ready bytes.
 *
 * @param createTime epoch seconds, or {@link #NO_TIME} when the vendor gave none (sorts as the oldest)
 * @param lowerName the name in lower case (the name filter is case-insensitive), or null
 * @param sizeGib the size, or {@link #NO_SIZE}
 */
public record InventoryEntry(
        String id,
        long createTime,
        String lowerName,
        SnapshotStatus status,
        DiskType diskType,
        CreationType creationType,
        Resource.Type resourceType,
        String resourceId,
        String instanceId,
        long sizeGib,
        byte[] json) {

    public static final long NO_TIME = Long.MIN_VALUE;
    public static final long NO_SIZE = -1;

    /** Estimated retained bytes: the record, its strings and the JSON array (compressed references, Latin-1). */
    long estimatedBytes() {
        return 64 + string(id) + string(lowerName) + string(resourceId) + string(instanceId) + 16 + json.length;
    }

    private static long string(String s) {
        return s == null ? 0 : 40 + ((s.length() + 7) & ~7);
    }
}
