package io.snapshotgateway.access;

import io.snapshotgateway.limits.TokenBucket;

/** One configured API key: its name, the SHA-256 of the key, what it may do, and its request budget. */
record ApiKey(String name, byte[] sha256, Caller caller, TokenBucket requests) {
}
