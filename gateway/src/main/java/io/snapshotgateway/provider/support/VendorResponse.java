package io.snapshotgateway.provider.support;

/** A successful vendor answer that names itself: its request id goes on the call's span, for the vendor's support. */
public interface VendorResponse {

    /** The vendor's id of this request, or null when the vendor sent none. */
    String vendorRequestId();
}
