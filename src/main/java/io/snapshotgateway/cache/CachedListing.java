package io.snapshotgateway.cache;

import java.time.Instant;
import java.util.List;

import io.snapshotgateway.Snapshot;

/** A vendor listing as fetched, and when. */
record CachedListing(List<Snapshot> snapshots, Instant fetchedAt) {
}
