package io.snapshotgateway.provider.support;

/** A query parameter of a vendor API, spelt as on the wire; each API lists the ones the gateway sends in an enum. */
public interface VendorParameter {
    String wireName();
}
