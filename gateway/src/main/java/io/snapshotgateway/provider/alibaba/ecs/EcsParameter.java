package io.snapshotgateway.provider.alibaba.ecs;

import io.snapshotgateway.provider.support.VendorParameter;

/** The query parameters of ECS {@code DescribeSnapshots} that the gateway sends. */
public enum EcsParameter implements VendorParameter {
    REGION_ID("RegionId"),
    PAGE_NUMBER("PageNumber"),
    PAGE_SIZE("PageSize"),
    INSTANCE_ID("InstanceId");

    private final String wireName;

    EcsParameter(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
