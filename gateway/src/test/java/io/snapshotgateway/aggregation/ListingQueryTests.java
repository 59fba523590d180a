package io.snapshotgateway.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.snapshotgateway.SnapshotFilter;

/** The query digest binds page tokens and rendered answers to one query: distinct queries must never share one. */
class ListingQueryTests {

    @Test
    void aValueCannotPassForASeparator() {
        ListingQuery a = query(Set.of("s-1", "s-2]\ndisk_id=[d"), Set.of("x", "y"));
        ListingQuery b = query(Set.of("s-1", "s-2"), Set.of("d]\ndisk_id=[x", "y"));
        ListingQuery c = query(Set.of("a,b"), Set.of());
        ListingQuery d = query(Set.of("a", "b"), Set.of());

        assertThat(a.digest()).isNotEqualTo(b.digest());
        assertThat(c.digest()).isNotEqualTo(d.digest());
    }

    @Test
    void ignoresValueOrderAndLimit() {
        assertThat(query(Set.of("s-1", "s-2"), Set.of()).digest())
                .isEqualTo(new ListingQuery(Selection.ALL, Selection.ALL, filter(Set.of("s-2", "s-1"), Set.of()),
                        SortOrder.NEWEST_FIRST, 7, Optional.empty(), false).digest());
    }

    private static ListingQuery query(Set<String> snapshotIds, Set<String> diskIds) {
        return new ListingQuery(Selection.ALL, Selection.ALL, filter(snapshotIds, diskIds), SortOrder.NEWEST_FIRST,
                100, Optional.empty(), false);
    }

    @Test
    void belongsToTheCallersGrant() {
        ListingQuery all = query(Set.of("s-1"), Set.of());
        ListingQuery narrowed = new ListingQuery(Selection.ALL, new Selection(Set.of(), Set.of("team-a"), Set.of()),
                all.filter(), all.sort(), all.limit(), all.pageToken(), false);
        ListingQuery asSelection = new ListingQuery(new Selection(Set.of(), Set.of("team-a"), Set.of()), Selection.ALL,
                all.filter(), all.sort(), all.limit(), all.pageToken(), false);

        assertThat(narrowed.digest()).isNotEqualTo(all.digest()).isNotEqualTo(asSelection.digest());
    }

    private static SnapshotFilter filter(Set<String> snapshotIds, Set<String> diskIds) {
        return new SnapshotFilter(snapshotIds, diskIds, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                null, null);
    }
}
