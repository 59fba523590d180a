package io.snapshotgateway.simulator;

import java.util.List;
import java.util.Map;

/** A simulated Alibaba RPC product (one API version) answering its actions. */
interface RpcProduct {
    String version();

    /** The gateway's provider id of this product, which faults are keyed by. */
    String providerId();

    /** The response body (a JSON-ready map) of {@code action}, or throws {@link RpcErrorException}. */
    Map<String, Object> call(String action, Map<String, String> params);

    /** The region a DescribeSnapshots call asks for, after the checks the vendor makes first. */
    static String describeSnapshotsRegion(String action, Map<String, String> params, List<String> regions) {
        if (!"DescribeSnapshots".equals(action)) {
            throw new RpcErrorException(404, "InvalidAction.NotFound",
                    "Specified api is not found, please check your url and method.");
        }
        String region = params.get("RegionId");
        if (region == null || region.isEmpty()) {
            throw new RpcErrorException(400, "MissingRegionId", "RegionId is mandatory for this action.");
        }
        if (!regions.contains(region)) {
            throw new RpcErrorException(404, "InvalidRegionId.NotFound", "The specified RegionId does not exist.");
        }
        return region;
    }
}
