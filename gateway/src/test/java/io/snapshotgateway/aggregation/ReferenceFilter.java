package io.snapshotgateway.aggregation;

import java.util.Locale;
import java.util.Set;

import io.snapshotgateway.Resource;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.SnapshotFilter;

/**
 * The filters' meaning, written plainly over whole snapshots, as the contract states it: the naive reference that
 * the inventory's {@code EntryMatcher} is tested against.
 */
final class ReferenceFilter {
    private ReferenceFilter() {
    }

    static boolean matches(SnapshotFilter f, Snapshot s) {
        return anyOf(f.snapshotIds(), s.id())
                && (f.diskIds().isEmpty() || isResource(s, Resource.Type.DISK, f.diskIds()))
                && (f.desktopIds().isEmpty() || isResource(s, Resource.Type.DESKTOP, f.desktopIds()))
                && anyOf(f.instanceIds(), s.instanceId())
                && (f.names().isEmpty() || (s.name() != null && f.names().stream().anyMatch(
                        n -> s.name().toLowerCase(Locale.ROOT).contains(n.toLowerCase(Locale.ROOT)))))
                && anyOf(f.statuses(), s.status())
                && anyOf(f.diskTypes(), s.diskType())
                && anyOf(f.creationTypes(), s.creationType())
                && (f.createdAfter() == null || (s.createTime() != null && !s.createTime().isBefore(f.createdAfter())))
                && (f.createdBefore() == null
                        || (s.createTime() != null && s.createTime().isBefore(f.createdBefore())));
    }

    private static <T> boolean anyOf(Set<T> wanted, T actual) {
        return wanted.isEmpty() || (actual != null && wanted.contains(actual));
    }

    private static boolean isResource(Snapshot s, Resource.Type type, Set<String> ids) {
        return s.resource() != null && s.resource().type() == type && ids.contains(s.resource().id());
    }
}
