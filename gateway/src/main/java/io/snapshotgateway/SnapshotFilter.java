package io.snapshotgateway;

import java.time.Instant;
import java.util.Set;

/**
 * The normalized filters of a listing request. Every set means "any of"; an empty set means "no filter".
 *
 * <p>
 * Queries over inventories apply them to inventory entries (aggregation's {@code EntryMatcher}); a property test holds
 * that to a plain reference over whole snapshots.
 */
public record SnapshotFilter(
        Set<String> snapshotIds,
        Set<String> diskIds,
        Set<String> desktopIds,
        Set<String> instanceIds,
        Set<String> names,
        Set<SnapshotStatus> statuses,
        Set<DiskType> diskTypes,
        Set<CreationType> creationTypes,
        Instant createdAfter,
        Instant createdBefore) {

    public static final SnapshotFilter NONE = new SnapshotFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
            Set.of(), Set.of(), Set.of(), null, null);

    public SnapshotFilter {
        snapshotIds = Set.copyOf(snapshotIds);
        diskIds = Set.copyOf(diskIds);
        desktopIds = Set.copyOf(desktopIds);
        instanceIds = Set.copyOf(instanceIds);
        names = Set.copyOf(names);
        statuses = Set.copyOf(statuses);
        diskTypes = Set.copyOf(diskTypes);
        creationTypes = Set.copyOf(creationTypes);
    }
}
