package io.snapshotgateway.cache;

import java.util.List;
import java.util.Optional;

import io.snapshotgateway.Snapshot;
import io.snapshotgateway.provider.UpstreamFailure;

/**
 * One scope's whole listing, how it was obtained and how old it is. {@code refreshFailure} is set when the vendor
 * failed and a stale listing was served instead (stale-if-error).
 */
public record ScopeListing(List<Snapshot> snapshots, CacheState cache, long ageSeconds,
        Optional<UpstreamFailure> refreshFailure) {
}
