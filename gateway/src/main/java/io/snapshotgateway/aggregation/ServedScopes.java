package io.snapshotgateway.aggregation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.snapshotgateway.crypto.Hashing;
import io.snapshotgateway.inventory.ScopeView;
import io.snapshotgateway.provider.Scope;

/**
 * What one request is answered from: the view of every selected scope, in catalog order, and for scopes whose
 * snapshots do not carry their instance, the ids an instance lookup found.
 */
public record ServedScopes(List<ScopeView> views, Map<Scope, Set<String>> instanceSnapshots) {

    public ServedScopes {
        views = List.copyOf(views);
        instanceSnapshots = Map.copyOf(instanceSnapshots);
    }

    /** Equal stamps mean equal answers to the same query: what rendered pages are keyed by. */
    public String stamp() {
        return views.stream().map(v -> v.stamp() + lookupStamp(v.scope())).collect(Collectors.joining(","));
    }

    private String lookupStamp(Scope scope) {
        Set<String> ids = instanceSnapshots.get(scope);
        return ids == null ? "" : "i" + Hashing.sha256Hex(String.join("\n", new TreeSet<>(ids))).substring(0, 16);
    }
}
