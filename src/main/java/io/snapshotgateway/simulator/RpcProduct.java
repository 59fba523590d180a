package io.snapshotgateway.simulator;

import java.util.Map;

/** A simulated Alibaba RPC product (one API version) answering its actions. */
interface RpcProduct {
    String version();

    /** The gateway's provider id of this product, which faults are keyed by. */
    String providerId();

    /** The response body (a JSON-ready map) of {@code action}, or throws {@link RpcErrorException}. */
    Map<String, Object> call(String action, Map<String, String> params);
}
