package io.snapshotgateway.aggregation;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.snapshotgateway.SnapshotFilter;
import io.snapshotgateway.crypto.Hashing;

/**
 * A validated listing request. {@code grant} is what the caller's API key may see: the query answers within it, and its
 * digest (so its page tokens and rendered answers) belongs to it.
 */
public record ListingQuery(Selection selection, Selection grant, SnapshotFilter filter, SortOrder sort, int limit,
        Optional<String> pageToken, boolean bypassCache) {

    /**
     * Identifies everything that decides which snapshots a listing holds and in what order, so a page token is only
     * accepted with the query it was issued for. {@code limit} is not part of it: page size may change while walking.
     */
    public String digest() {
        SnapshotFilter f = filter;
        String canonical = String.join("\n",
                "providers=" + sorted(selection.providers().stream().map(Object::toString).toList()),
                "sources=" + sorted(selection.sources()),
                "regions=" + sorted(selection.regions()),
                "grant.providers=" + sorted(grant.providers().stream().map(Object::toString).toList()),
                "grant.sources=" + sorted(grant.sources()),
                "grant.regions=" + sorted(grant.regions()),
                "snapshot_id=" + sorted(f.snapshotIds()),
                "disk_id=" + sorted(f.diskIds()),
                "desktop_id=" + sorted(f.desktopIds()),
                "instance_id=" + sorted(f.instanceIds()),
                "name=" + sorted(f.names().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList()),
                "status=" + sorted(f.statuses().stream().map(Object::toString).toList()),
                "disk_type=" + sorted(f.diskTypes().stream().map(Object::toString).toList()),
                "creation_type=" + sorted(f.creationTypes().stream().map(Object::toString).toList()),
                "created_after=" + f.createdAfter(),
                "created_before=" + f.createdBefore(),
                "sort=" + sort.parameter());
        return Hashing.sha256Hex(canonical).substring(0, 32);
    }

    /** Sorted, each value length-prefixed: no value can pass for a separator, so distinct queries never collide. */
    private static String sorted(Collection<String> values) {
        StringBuilder out = new StringBuilder();
        values.stream().collect(Collectors.toCollection(TreeSet::new))
                .forEach(v -> out.append(v.length()).append(':').append(v).append(';'));
        return out.toString();
    }
}
