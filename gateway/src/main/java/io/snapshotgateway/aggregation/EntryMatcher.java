package io.snapshotgateway.aggregation;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import io.snapshotgateway.Resource;
import io.snapshotgateway.SnapshotFilter;
import io.snapshotgateway.inventory.InventoryEntry;

/**
 * A request's filters, prepared once to test inventory entries without allocating: names lower-cased, times in epoch
 * seconds. Time bounds are not tested here: they select a range of the sorted inventory ({@link ScopeScan}).
 */
final class EntryMatcher {
    private final SnapshotFilter filter;
    private final String[] names;

    EntryMatcher(SnapshotFilter filter) {
        this.filter = filter;
        this.names = filter.names().stream().map(n -> n.toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    /**
     * @param instanceSnapshots ids of the scope's snapshots of the requested instances, when the vendor had to be
     *            asked (ECS); null where entries carry their instance themselves
     */
    boolean matches(InventoryEntry e, Set<String> instanceSnapshots) {
        return (filter.snapshotIds().isEmpty() || filter.snapshotIds().contains(e.id()))
                && (filter.diskIds().isEmpty() || isResource(e, Resource.Type.DISK, filter.diskIds()))
                && (filter.desktopIds().isEmpty() || isResource(e, Resource.Type.DESKTOP, filter.desktopIds()))
                && (filter.instanceIds().isEmpty() || ofInstance(e, instanceSnapshots))
                && (names.length == 0 || nameMatches(e.lowerName()))
                && (filter.statuses().isEmpty() || (e.status() != null && filter.statuses().contains(e.status())))
                && (filter.diskTypes().isEmpty() || (e.diskType() != null && filter.diskTypes().contains(e.diskType())))
                && (filter.creationTypes().isEmpty()
                        || (e.creationType() != null && filter.creationTypes().contains(e.creationType())));
    }

    private boolean ofInstance(InventoryEntry e, Set<String> instanceSnapshots) {
        return (instanceSnapshots != null && instanceSnapshots.contains(e.id()))
                || (e.instanceId() != null && filter.instanceIds().contains(e.instanceId()));
    }

    private static boolean isResource(InventoryEntry e, Resource.Type type, Set<String> ids) {
        return e.resourceType() == type && e.resourceId() != null && ids.contains(e.resourceId());
    }

    private boolean nameMatches(String lowerName) {
        if (lowerName == null) {
            return false;
        }
        for (String n : names) {
            if (lowerName.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /** Lowest create_time (epoch seconds) a match may have; entries without a time fail any time bound. */
    long lowestTime() {
        if (filter.createdAfter() != null) {
            return ceilSeconds(filter.createdAfter());
        }
        return filter.createdBefore() != null ? InventoryEntry.NO_TIME + 1 : InventoryEntry.NO_TIME;
    }

    /** Create_time (epoch seconds) from which entries no longer match, exclusive; MAX_VALUE when unbounded. */
    long timeEnd() {
        return filter.createdBefore() == null ? Long.MAX_VALUE : ceilSeconds(filter.createdBefore());
    }

    /** Snapshot times are whole seconds: a bound with a fraction admits the same times as the next whole second. */
    private static long ceilSeconds(Instant bound) {
        return bound.getEpochSecond() + (bound.getNano() > 0 ? 1 : 0);
    }
}
