package io.snapshotgateway.provider;

import java.util.Objects;

import io.snapshotgateway.Provider;

/** One unit of fan-out: a configured source, one of its regions, and (Huawei) that region's project id. */
public record Scope(String source, Provider provider, String region, String projectId) {

    // Written out: every request looks up each selected scope, and the generated record methods are slower.
    @Override
    public int hashCode() {
        return 31 * (31 * (31 * source.hashCode() + provider.hashCode()) + region.hashCode())
                + Objects.hashCode(projectId);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Scope s && provider == s.provider && source.equals(s.source)
                && region.equals(s.region) && Objects.equals(projectId, s.projectId));
    }
}
