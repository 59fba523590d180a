package io.snapshotgateway.aggregation;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.snapshotgateway.inventory.Inventory;
import io.snapshotgateway.inventory.InventoryEntry;
import io.snapshotgateway.provider.Scope;

/**
 * Walks one scope's inventory in a listing order over the entries a query can match: the time bounds and the cursor
 * become a start and end found by binary search, the other filters are tested entry by entry.
 */
final class ScopeScan {
    private final Inventory inventory;
    private final boolean newestFirst;
    private final EntryMatcher matcher;
    private final Set<String> instanceSnapshots;
    private final int rangeStart;
    private final int end;
    private int next;
    private InventoryEntry head;

    /**
     * @param after the page starts strictly after this key (null: at the start)
     */
    ScopeScan(Inventory inventory, SortOrder order, EntryMatcher matcher, Set<String> instanceSnapshots,
            SortKey after) {
        this.inventory = inventory;
        this.newestFirst = order == SortOrder.NEWEST_FIRST;
        this.matcher = matcher;
        this.instanceSnapshots = instanceSnapshots;
        long lo = matcher.lowestTime();
        long hi = matcher.timeEnd();
        if (newestFirst) {
            this.rangeStart = hi == Long.MAX_VALUE ? 0 : firstIndex(e -> e.createTime() < hi);
            this.end = firstIndex(e -> e.createTime() < lo);
        } else {
            this.rangeStart = firstIndex(e -> e.createTime() >= lo);
            this.end = hi == Long.MAX_VALUE ? inventory.size() : firstIndex(e -> e.createTime() >= hi);
        }
        this.next = after == null ? rangeStart : Math.max(rangeStart, firstIndex(e -> compare(e, after, order) > 0));
        advance();
    }

    Scope scope() {
        return inventory.scope();
    }

    /** The next matching entry, or null when there is none. */
    InventoryEntry head() {
        return head;
    }

    void advance() {
        head = null;
        while (next < end) {
            InventoryEntry e = inventory.entry(newestFirst, next++);
            if (matcher.matches(e, instanceSnapshots)) {
                head = e;
                return;
            }
        }
    }

    /** Matching entries within the time bounds, wherever the cursor stands. */
    int countAll() {
        int count = 0;
        for (int i = rangeStart; i < end; i++) {
            if (matcher.matches(inventory.entry(newestFirst, i), instanceSnapshots)) {
                count++;
            }
        }
        return count;
    }

    /** Visits every matching entry within the time bounds. */
    void forEachMatch(Consumer<InventoryEntry> visitor) {
        for (int i = rangeStart; i < end; i++) {
            InventoryEntry e = inventory.entry(newestFirst, i);
            if (matcher.matches(e, instanceSnapshots)) {
                visitor.accept(e);
            }
        }
    }

    /** How an entry of this scope sorts against a cursor key, in the listing order. */
    int compare(InventoryEntry e, SortKey key, SortOrder order) {
        return order.compare(e.createTime(), scope(), e.id(), key);
    }

    /** First index in the walk order where {@code test} holds; it must hold for a suffix of the walk. */
    private int firstIndex(Predicate<InventoryEntry> test) {
        int lo = 0;
        int hi = inventory.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (test.test(inventory.entry(newestFirst, mid))) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
