package io.snapshotgateway.provider.alibaba.eds;

import io.snapshotgateway.provider.support.VendorParameter;

/** The query parameters of Elastic Desktop Service {@code DescribeSnapshots} that the gateway sends. */
public enum EdsParameter implements VendorParameter {
    REGION_ID("RegionId"),
    MAX_RESULTS("MaxResults"),
    NEXT_TOKEN("NextToken");

    private final String wireName;

    EdsParameter(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
