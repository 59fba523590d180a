package io.snapshotgateway.shared;

/**
 * A lease this replica holds: the key, the token that proves it (holder and fence), and the fence, a number that grows
 * with every grant of the key, so that anything the holder writes can be refused once a later holder exists.
 */
public record Lease(String key, String token, long fence) {
}
