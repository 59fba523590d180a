package io.snapshotgateway.provider.alibaba.eds;

/** The public EDS host of a region: the SDK uses the regional rule with no exceptions. */
final class EdsEndpoints {
    private EdsEndpoints() {
    }

    static String host(String region) {
        return "ecd." + region + ".aliyuncs.com";
    }
}
