package io.snapshotgateway.aggregation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

import io.snapshotgateway.Snapshot;
import io.snapshotgateway.provider.Scope;

/**
 * The two listing orders. Both are total: {@code create_time} first, then provider, source, region and id (always
 * ascending), so equal timestamps never make a page boundary ambiguous. A snapshot without a creation time counts as
 * the oldest.
 */
public enum SortOrder {
    NEWEST_FIRST("-create_time", true),
    OLDEST_FIRST("create_time", false);

    private final String parameter;
    private final boolean descending;
    private final Comparator<SortKey> keyOrder;

    SortOrder(String parameter, boolean descending) {
        this.parameter = parameter;
        this.descending = descending;
        this.keyOrder = (a, b) -> compare(a.createTime(), a.provider(), a.source(), a.region(), a.id(),
                b.createTime(), b.provider(), b.source(), b.region(), b.id());
    }

    public String parameter() {
        return parameter;
    }

    public Comparator<SortKey> keyOrder() {
        return keyOrder;
    }

    public Comparator<Snapshot> snapshotOrder() {
        return Comparator.comparing(SortKey::of, keyOrder);
    }

    /** How an entry of {@code scope} sorts against {@code key}. */
    int compare(long time, Scope scope, String id, SortKey key) {
        return compare(time, scope.provider().id(), scope.source(), scope.region(), id, key.createTime(),
                key.provider(), key.source(), key.region(), key.id());
    }

    int compare(long timeA, Scope a, String idA, long timeB, Scope b, String idB) {
        return compare(timeA, a.provider().id(), a.source(), a.region(), idA, timeB, b.provider().id(), b.source(),
                b.region(), idB);
    }

    private int compare(long timeA, String providerA, String sourceA, String regionA, String idA, long timeB,
            String providerB, String sourceB, String regionB, String idB) {
        int c = Long.compare(timeA, timeB);
        if (c != 0) {
            return descending ? -c : c;
        }
        c = providerA.compareTo(providerB);
        if (c != 0) {
            return c;
        }
        c = sourceA.compareTo(sourceB);
        if (c != 0) {
            return c;
        }
        c = regionA.compareTo(regionB);
        return c != 0 ? c : idA.compareTo(idB);
    }

    public static Optional<SortOrder> fromParameter(String value) {
        return Arrays.stream(values()).filter(o -> o.parameter.equals(value)).findFirst();
    }
}
