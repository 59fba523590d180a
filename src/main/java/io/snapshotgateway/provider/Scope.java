package io.snapshotgateway.provider;

import io.snapshotgateway.Provider;

/** One unit of fan-out: a configured source, one of its regions, and (Huawei) that region's project id. */
public record Scope(String source, Provider provider, String region, String projectId) {
}
