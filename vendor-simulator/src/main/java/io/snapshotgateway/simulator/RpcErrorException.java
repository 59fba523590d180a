package io.snapshotgateway.simulator;

/** Thrown by a simulated product to answer with an Alibaba error body. */
final class RpcErrorException extends RuntimeException {
    private final transient RpcError error;

    RpcErrorException(RpcError error) {
        super(error.code(), null, false, false);
        this.error = error;
    }

    RpcErrorException(int status, String code, String message) {
        this(new RpcError(status, code, message));
    }

    RpcError error() {
        return error;
    }
}
