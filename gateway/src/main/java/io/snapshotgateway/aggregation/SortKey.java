package io.snapshotgateway.aggregation;

import io.snapshotgateway.Snapshot;
import io.snapshotgateway.inventory.InventoryEntry;
import io.snapshotgateway.provider.Scope;

/**
 * Where a snapshot stands in the listing order; a page token carries the last one it showed.
 *
 * @param createTime epoch seconds, or {@link InventoryEntry#NO_TIME}
 */
public record SortKey(long createTime, String provider, String source, String region, String id) {

    public static SortKey of(Snapshot s) {
        return new SortKey(s.createTime() == null ? InventoryEntry.NO_TIME : s.createTime().getEpochSecond(),
                s.provider().id(), nullToEmpty(s.source()), nullToEmpty(s.region()), nullToEmpty(s.id()));
    }

    static SortKey of(Scope scope, InventoryEntry e) {
        return new SortKey(e.createTime(), scope.provider().id(), scope.source(), scope.region(), e.id());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
