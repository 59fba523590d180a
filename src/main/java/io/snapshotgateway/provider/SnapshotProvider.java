package io.snapshotgateway.provider;

import java.util.List;

import io.smallrye.mutiny.Uni;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.SnapshotFilter;

/**
 * What every vendor adapter implements: list the whole of one scope, non-blocking.
 *
 * <p>
 * Failures are not hidden: the returned {@code Uni} fails with an {@link UpstreamException} that says what the
 * vendor did, so the aggregator can report it per source.
 */
public interface SnapshotProvider {

    Provider provider();

    /** The vendor parameters this adapter can use to narrow the listing; the gateway still filters afterwards. */
    PushDown pushDown(SnapshotFilter filter);

    /** Every snapshot of the scope that the pushed-down parameters select, all pages fetched. */
    Uni<List<Snapshot>> list(Scope scope, PushDown pushDown);
}
