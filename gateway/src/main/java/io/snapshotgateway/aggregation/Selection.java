package io.snapshotgateway.aggregation;

import java.util.Set;

import io.snapshotgateway.Provider;

/** Which providers, sources and regions a request asks for; empty sets mean "all". */
public record Selection(Set<Provider> providers, Set<String> sources, Set<String> regions) {
    public static final Selection ALL = new Selection(Set.of(), Set.of(), Set.of());

    public Selection {
        providers = Set.copyOf(providers);
        sources = Set.copyOf(sources);
        regions = Set.copyOf(regions);
    }
}
