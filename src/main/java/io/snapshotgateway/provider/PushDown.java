package io.snapshotgateway.provider;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The vendor request parameters an adapter derived from the gateway's filters. A value, so that it can be part of a
 * cache key: two requests that push down the same parameters may share one vendor listing.
 */
public record PushDown(Map<String, List<String>> params) {
    public static final PushDown NONE = new PushDown(Map.of());

    public PushDown {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        params.forEach((k, v) -> sorted.put(k, v.stream().sorted().toList()));
        params = java.util.Collections.unmodifiableSortedMap(sorted);
    }

    public List<String> values(String name) {
        return params.getOrDefault(name, List.of());
    }

    public String single(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : values.get(0);
    }
}
