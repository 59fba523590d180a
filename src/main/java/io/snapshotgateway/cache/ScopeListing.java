package io.snapshotgateway.cache;

import java.util.List;

import io.snapshotgateway.Snapshot;

/** One scope's whole listing, how it was obtained and how old it is. */
public record ScopeListing(List<Snapshot> snapshots, CacheState cache, long ageSeconds) {
}
