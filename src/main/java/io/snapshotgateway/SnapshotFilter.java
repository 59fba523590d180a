package io.snapshotgateway;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * The normalized filters of a listing request. Every set means "any of"; an empty set means "no filter".
 *
 * <p>
 * {@link #matches(Snapshot)} is the reference meaning of the filters; queries over inventories test the same things
 * on inventory entries (aggregation's {@code EntryMatcher}), and a property test holds the two to each other.
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

    public boolean matches(Snapshot s) {
        return anyOf(snapshotIds, s.id())
                && (diskIds.isEmpty() || isResource(s, Resource.Type.DISK, diskIds))
                && (desktopIds.isEmpty() || isResource(s, Resource.Type.DESKTOP, desktopIds))
                && anyOf(instanceIds, s.instanceId())
                && (names.isEmpty() || nameMatches(s.name()))
                && anyOf(statuses, s.status())
                && anyOf(diskTypes, s.diskType())
                && anyOf(creationTypes, s.creationType())
                && (createdAfter == null || (s.createTime() != null && !s.createTime().isBefore(createdAfter)))
                && (createdBefore == null || (s.createTime() != null && s.createTime().isBefore(createdBefore)));
    }

    private static <T> boolean anyOf(Set<T> wanted, T actual) {
        return wanted.isEmpty() || (actual != null && wanted.contains(actual));
    }

    private static boolean isResource(Snapshot s, Resource.Type type, Set<String> ids) {
        return s.resource() != null && s.resource().type() == type && ids.contains(s.resource().id());
    }

    private boolean nameMatches(String name) {
        if (name == null) {
            return false;
        }
        String haystack = name.toLowerCase(Locale.ROOT);
        return names.stream().anyMatch(n -> haystack.contains(n.toLowerCase(Locale.ROOT)));
    }
}
