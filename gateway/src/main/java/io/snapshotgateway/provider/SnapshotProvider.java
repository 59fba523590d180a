package io.snapshotgateway.provider;

import java.util.List;

import io.smallrye.mutiny.Uni;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;

/**
 * What every vendor adapter implements: list the whole of one scope, non-blocking.
 *
 * <p>
 * Failures are not hidden: the returned {@code Uni} fails with an {@link UpstreamException} that says what the
 * vendor did, so the aggregator can report it per source.
 */
public interface SnapshotProvider {

    Provider provider();

    /**
     * Every snapshot of the scope, all pages fetched, nothing filtered, each id once (pages that overlap while the
     * vendor's data changes are de-duplicated by the adapter skeleton): what the scope's inventory is made of.
     */
    Uni<List<Snapshot>> list(Scope scope);

    /**
     * Whether this vendor's snapshots do not say which instance they belong to, so that an {@code instance_id} filter
     * has to ask the vendor ({@link #listOfInstance}).
     */
    default boolean resolvesInstancesAtVendor() {
        return false;
    }

    /** The scope's snapshots of one instance, asked of the vendor; only where {@link #resolvesInstancesAtVendor}. */
    default Uni<List<Snapshot>> listOfInstance(Scope scope, String instanceId) {
        return Uni.createFrom().failure(new UnsupportedOperationException(provider() + " lists no instances"));
    }
}
