package io.snapshotgateway.archfixture.api;

import io.snapshotgateway.provider.alibaba.ecs.EcsSnapshotProvider;

/** A deliberately wrong HTTP-edge class (it reaches into a vendor) so the layering rules are seen to fail. */
public class LeakyResource {
    public String provider(EcsSnapshotProvider vendor) {
        return vendor.provider().id();
    }
}
