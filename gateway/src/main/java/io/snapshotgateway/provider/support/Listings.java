package io.snapshotgateway.provider.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.snapshotgateway.Snapshot;

/** Helpers every adapter applies to a finished listing. */
public final class Listings {
    private Listings() {
    }

    /** Pages can overlap when data changes while they are fetched; keep the first copy of each id. */
    public static List<Snapshot> distinctById(List<Snapshot> snapshots) {
        Map<String, Snapshot> byId = new LinkedHashMap<>();
        snapshots.forEach(s -> byId.putIfAbsent(s.id(), s));
        return List.copyOf(byId.values());
    }
}
