package io.snapshotgateway.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class KWayMergeTests {

    @Test
    void equalsConcatenateAndSortOnRandomInputsWithTies() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            SortOrder order = random.nextBoolean() ? SortOrder.NEWEST_FIRST : SortOrder.OLDEST_FIRST;
            List<List<SortKey>> lists = new ArrayList<>();
            int k = random.nextInt(6);
            for (int i = 0; i < k; i++) {
                List<SortKey> list = new ArrayList<>();
                int n = random.nextInt(30);
                for (int j = 0; j < n; j++) {
                    // few distinct times and names, so ties on every component happen often
                    Instant t = random.nextInt(10) == 0 ? null : Instant.ofEpochSecond(random.nextInt(8));
                    list.add(new SortKey(t, "p" + random.nextInt(2), "s" + random.nextInt(2), "r" + i,
                            "id" + random.nextInt(1000)));
                }
                list.sort(order.keyOrder());
                lists.add(list);
            }
            List<SortKey> expected = new ArrayList<>();
            lists.forEach(expected::addAll);
            expected.sort(order.keyOrder());

            int limit = 1 + random.nextInt(40);
            SortKey after = expected.isEmpty() || random.nextBoolean() ? null
                    : expected.get(random.nextInt(expected.size()));
            List<SortKey> wanted = expected.stream()
                    .filter(key -> after == null || order.keyOrder().compare(key, after) > 0)
                    .limit(limit).toList();

            assertThat(KWayMerge.merge(lists, key -> key, order.keyOrder(), after, limit))
                    .as("round %d", round).isEqualTo(wanted);
        }
    }

    @Test
    void breaksTimeTiesByProviderSourceRegionAndIdInBothDirections() {
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        SortKey a = new SortKey(t, "alibaba-ecs", "b", "r", "2");
        SortKey b = new SortKey(t, "alibaba-ecs", "b", "r", "10");
        SortKey c = new SortKey(t, "alibaba-eds", "a", "r", "1");
        for (SortOrder order : SortOrder.values()) {
            List<SortKey> sorted = new ArrayList<>(List.of(c, a, b));
            sorted.sort(order.keyOrder());
            assertThat(sorted).as(order.name()).containsExactly(b, a, c);
        }
    }
}
