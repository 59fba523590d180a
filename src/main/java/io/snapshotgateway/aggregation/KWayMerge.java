package io.snapshotgateway.aggregation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Merges lists that are each already sorted into one sorted page, touching only as many elements as the page needs.
 */
public final class KWayMerge {
    private KWayMerge() {
    }

    /**
     * @param lists each sorted by {@code order} of {@code key}
     * @param after only elements whose key sorts strictly after this one (null: from the start)
     * @param limit the most elements to return
     */
    public static <T, K> List<T> merge(List<List<T>> lists, Function<T, K> key, Comparator<K> order, K after,
            int limit) {
        record Head<T>(T item, int list, int index) {
        }
        Comparator<T> itemOrder = Comparator.comparing(key, order);
        PriorityQueue<Head<T>> heads = new PriorityQueue<>((a, b) -> itemOrder.compare(a.item(), b.item()));
        for (int i = 0; i < lists.size(); i++) {
            List<T> list = lists.get(i);
            int start = after == null ? 0 : firstAfter(list, key, order, after);
            if (start < list.size()) {
                heads.add(new Head<>(list.get(start), i, start));
            }
        }
        List<T> page = new ArrayList<>(Math.min(limit, 1024));
        while (page.size() < limit && !heads.isEmpty()) {
            Head<T> head = heads.poll();
            page.add(head.item());
            List<T> list = lists.get(head.list());
            if (head.index() + 1 < list.size()) {
                heads.add(new Head<>(list.get(head.index() + 1), head.list(), head.index() + 1));
            }
        }
        return page;
    }

    /** Binary search for the first index whose element sorts strictly after {@code after}. */
    private static <T, K> int firstAfter(List<T> sorted, Function<T, K> key, Comparator<K> order, K after) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.compare(key.apply(sorted.get(mid)), after) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
