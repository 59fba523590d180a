package io.snapshotgateway.inventory;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.snapshotgateway.provider.Scope;

/**
 * One scope's complete, unfiltered listing: immutable once built, replaced whole by the next refresh, so readers
 * never lock and never see half a refresh. Entries are kept in both listing orders, so either sort is a walk from a
 * binary-searched start.
 *
 * <p>
 * Within one scope provider, source and region are the same for every entry, so the total order of the listing is
 * (create_time, id): oldest first is time then id ascending; newest first is time descending, id ascending.
 */
public final class Inventory {
    private static final Comparator<InventoryEntry> ID = Comparator.comparing(InventoryEntry::id);
    static final Comparator<InventoryEntry> OLDEST_FIRST = Comparator.comparingLong(InventoryEntry::createTime)
            .thenComparing(ID);
    static final Comparator<InventoryEntry> NEWEST_FIRST = Comparator
            .comparingLong(InventoryEntry::createTime).reversed().thenComparing(ID);

    private final Scope scope;
    private final long generation;
    private final Instant fetchedAt;
    private final InventoryEntry[] oldestFirst;
    private final InventoryEntry[] newestFirst;
    private final long estimatedBytes;
    private final long contentHash;

    private Inventory(Scope scope, long generation, Instant fetchedAt, InventoryEntry[] oldestFirst,
            InventoryEntry[] newestFirst, long estimatedBytes, long contentHash) {
        this.scope = scope;
        this.generation = generation;
        this.fetchedAt = fetchedAt;
        this.oldestFirst = oldestFirst;
        this.newestFirst = newestFirst;
        this.estimatedBytes = estimatedBytes;
        this.contentHash = contentHash;
    }

    /** Sorts {@code entries} (distinct ids) both ways. */
    public static Inventory of(Scope scope, long generation, Instant fetchedAt, List<InventoryEntry> entries) {
        InventoryEntry[] oldest = entries.toArray(InventoryEntry[]::new);
        Arrays.sort(oldest, OLDEST_FIRST);
        InventoryEntry[] newest = entries.toArray(InventoryEntry[]::new);
        Arrays.sort(newest, NEWEST_FIRST);
        long bytes = 128 + 2L * 4 * oldest.length;
        long hash = 1125899906842597L;
        for (InventoryEntry e : oldest) {
            bytes += e.estimatedBytes();
            hash = 31 * hash + Arrays.hashCode(e.json());
        }
        return new Inventory(scope, generation, fetchedAt, oldest, newest, bytes, hash);
    }

    /** The same entries, listed again at {@code when}: same generation, so pages rendered from it stay valid. */
    Inventory relisted(Instant when) {
        return new Inventory(scope, generation, when, oldestFirst, newestFirst, estimatedBytes, contentHash);
    }

    /** Whether {@code other} holds exactly the same snapshots, byte for byte. */
    boolean sameContent(Inventory other) {
        return other != null && contentHash == other.contentHash && oldestFirst.length == other.oldestFirst.length
                && Arrays.equals(oldestFirst, other.oldestFirst, (a, b) -> Arrays.equals(a.json(), b.json()) ? 0 : 1);
    }

    public Scope scope() {
        return scope;
    }

    /** Changes whenever the content does; pages rendered from one generation can be reused while it lasts. */
    public long generation() {
        return generation;
    }

    /** When the vendor listing this inventory holds was completed. */
    public Instant fetchedAt() {
        return fetchedAt;
    }

    public int size() {
        return oldestFirst.length;
    }

    /** The entry at {@code index} of the given order. */
    public InventoryEntry entry(boolean newestFirstOrder, int index) {
        return newestFirstOrder ? newestFirst[index] : oldestFirst[index];
    }

    public long estimatedBytes() {
        return estimatedBytes;
    }
}
