package io.snapshotgateway.aggregation;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

import io.snapshotgateway.Snapshot;

/**
 * The two listing orders. Both are total: {@code create_time} first, then provider, source, region and id (always
 * ascending), so equal timestamps never make a page boundary ambiguous.
 */
public enum SortOrder {
    NEWEST_FIRST("-create_time", true),
    OLDEST_FIRST("create_time", false);

    private final String parameter;
    private final Comparator<SortKey> keyOrder;

    SortOrder(String parameter, boolean descending) {
        this.parameter = parameter;
        // A snapshot without a creation time counts as the oldest.
        Comparator<Instant> time = Comparator.nullsFirst(Comparator.<Instant> naturalOrder());
        this.keyOrder = Comparator.comparing(SortKey::createTime, descending ? time.reversed() : time)
                .thenComparing(SortKey::provider)
                .thenComparing(SortKey::source)
                .thenComparing(SortKey::region)
                .thenComparing(SortKey::id);
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

    public static Optional<SortOrder> fromParameter(String value) {
        return Arrays.stream(values()).filter(o -> o.parameter.equals(value)).findFirst();
    }
}
