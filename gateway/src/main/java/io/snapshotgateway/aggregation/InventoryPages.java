package io.snapshotgateway.aggregation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Function;

import io.snapshotgateway.inventory.InventoryEntry;
import io.snapshotgateway.inventory.ScopeView;
import io.snapshotgateway.provider.Scope;

/**
 * Answers a query from inventories: per scope, binary search to the time bounds and the cursor, then a k-way merge
 * of the scopes' walks until the page is full. Nothing is copied or sorted per request: work and allocation are
 * bounded by the page, plus one pass over the time-bounded range of each scope to count its matches.
 */
final class InventoryPages {
    private InventoryPages() {
    }

    /** A page of at most {@code limit} entries after {@code after}, and whether more follow. */
    record Page(List<ListingResult.PageEntry> entries, boolean more, Map<Scope, Integer> matched) {
    }

    static Page page(ServedScopes served, EntryMatcher matcher, SortOrder order, SortKey after, int limit) {
        List<ScopeScan> scans = scans(served, matcher, order, after);
        Map<Scope, Integer> matched = new HashMap<>();
        scans.forEach(s -> matched.put(s.scope(), s.countAll()));
        Comparator<ScopeScan> byHead = (a, b) -> order.compare(a.head().createTime(), a.scope(), a.head().id(),
                b.head().createTime(), b.scope(), b.head().id());
        PriorityQueue<ScopeScan> heads = new PriorityQueue<>(Math.max(1, scans.size()), byHead);
        scans.stream().filter(s -> s.head() != null).forEach(heads::add);
        List<ListingResult.PageEntry> page = new ArrayList<>(Math.min(limit, 1000));
        while (page.size() < limit && !heads.isEmpty()) {
            ScopeScan scan = heads.poll();
            page.add(new ListingResult.PageEntry(scan.scope(), scan.head()));
            scan.advance();
            if (scan.head() != null) {
                heads.add(scan);
            }
        }
        return new Page(page, !heads.isEmpty(), matched);
    }

    /** Aggregates every match of every served scope. */
    static Summary summarize(ServedScopes served, EntryMatcher matcher,
            Function<Map<Scope, Integer>, List<SourceOutcome>> outcomes) {
        Tally tally = new Tally();
        for (ScopeScan scan : scans(served, matcher, SortOrder.OLDEST_FIRST, null)) {
            Scope scope = scan.scope();
            scan.forEachMatch(e -> tally.add(scope, e));
        }
        return tally.summary(outcomes.apply(tally.perScope));
    }

    private static List<ScopeScan> scans(ServedScopes served, EntryMatcher matcher, SortOrder order, SortKey after) {
        List<ScopeScan> scans = new ArrayList<>();
        for (ScopeView view : served.views()) {
            if (view instanceof ScopeView.Served s) {
                scans.add(new ScopeScan(s.inventory(), order, matcher, served.instanceSnapshots().get(s.scope()),
                        after));
            }
        }
        return scans;
    }

    /** Running counts for a summary. */
    private static final class Tally {
        private static final String UNKNOWN = "unknown";
        private long total;
        private long sizeGib;
        private long oldest = Long.MAX_VALUE;
        private long newest = Long.MIN_VALUE;
        private final Map<String, Long> byProvider = new TreeMap<>();
        private final Map<String, Long> bySource = new TreeMap<>();
        private final Map<String, Long> byRegion = new TreeMap<>();
        private final Map<String, Long> byStatus = new TreeMap<>();
        private final Map<String, Long> byDiskType = new TreeMap<>();
        private final Map<String, Long> byCreationType = new TreeMap<>();
        private final Map<Scope, Integer> perScope = new HashMap<>();

        void add(Scope scope, InventoryEntry e) {
            total++;
            if (e.sizeGib() != InventoryEntry.NO_SIZE) {
                sizeGib += e.sizeGib();
            }
            if (e.createTime() != InventoryEntry.NO_TIME) {
                oldest = Math.min(oldest, e.createTime());
                newest = Math.max(newest, e.createTime());
            }
            perScope.merge(scope, 1, Integer::sum);
            byProvider.merge(scope.provider().id(), 1L, Long::sum);
            bySource.merge(scope.source(), 1L, Long::sum);
            byRegion.merge(scope.region(), 1L, Long::sum);
            byStatus.merge(e.status() == null ? UNKNOWN : e.status().id(), 1L, Long::sum);
            byDiskType.merge(e.diskType() == null ? UNKNOWN : e.diskType().id(), 1L, Long::sum);
            byCreationType.merge(e.creationType() == null ? UNKNOWN : e.creationType().id(), 1L, Long::sum);
        }

        Summary summary(List<SourceOutcome> outcomes) {
            return new Summary(total, sizeGib,
                    total == 0 || oldest == Long.MAX_VALUE ? null : Instant.ofEpochSecond(oldest),
                    total == 0 || newest == Long.MIN_VALUE ? null : Instant.ofEpochSecond(newest), byProvider,
                    bySource, byRegion, byStatus, byDiskType, byCreationType, outcomes);
        }
    }
}
