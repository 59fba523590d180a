package io.snapshotgateway.provider;

/** A vendor call failed in a way the adapter has classified. Carries no stack trace: it is not a bug. */
public class UpstreamException extends RuntimeException {
    private final transient UpstreamFailure failure;

    public UpstreamException(UpstreamFailure failure) {
        super(failure.type().slug() + ": " + failure.detail(), null, false, false);
        this.failure = failure;
    }

    public UpstreamFailure failure() {
        return failure;
    }
}
