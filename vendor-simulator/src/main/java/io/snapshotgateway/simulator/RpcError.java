package io.snapshotgateway.simulator;

/** An Alibaba RPC error the simulated product answers with: HTTP status, code and message, as the vendor sends them. */
record RpcError(int status, String code, String message) {

    /** The exception that answers with {@link #invalidParameter}. */
    static RuntimeException invalid(String name) {
        return new RpcErrorException(invalidParameter(name));
    }

    static RpcError invalidParameter(String name) {
        return new RpcError(400, "InvalidParameter", "The specified parameter \"" + name + "\" is not valid.");
    }
}
