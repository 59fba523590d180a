package io.snapshotgateway.cache;

import io.snapshotgateway.provider.PushDown;
import io.snapshotgateway.provider.Scope;

/**
 * What one cached listing is of: the scope (source, region, project), the filters pushed down to the vendor, and the
 * identity of the credentials it was fetched with, so that no request is ever served another scope's data.
 */
record ListingKey(Scope scope, PushDown pushDown, String credentialFingerprint) {
}
