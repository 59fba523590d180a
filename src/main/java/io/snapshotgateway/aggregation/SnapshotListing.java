package io.snapshotgateway.aggregation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.snapshotgateway.GatewayConfig;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.provider.Scope;

/** Answers a listing query: fan out, filter, merge in order, cut one page after the cursor. */
@ApplicationScoped
public class SnapshotListing {
    private final SourceCatalog catalog;
    private final Fanout fanout;
    private final PageCursor cursor;

    public SnapshotListing(SourceCatalog catalog, Fanout fanout, GatewayConfig config) {
        this.catalog = catalog;
        this.fanout = fanout;
        this.cursor = new PageCursor(config.cursor().key());
    }

    public PageCursor cursor() {
        return cursor;
    }

    /**
     * @param after where the previous page ended (already checked against this query), or null for the first page
     */
    public Uni<ListingResult> list(ListingQuery query, SortKey after) {
        List<Scope> scopes = catalog.select(query.selection());
        return fanout.fetch(scopes, query.filter(), query.sort(), query.bypassCache())
                .map(outcomes -> page(query, after, outcomes));
    }

    private ListingResult page(ListingQuery query, SortKey after, List<SourceOutcome> outcomes) {
        List<List<Snapshot>> lists = new ArrayList<>();
        for (SourceOutcome outcome : outcomes) {
            if (outcome instanceof SourceOutcome.Listed listed) {
                lists.add(listed.snapshots());
            }
        }
        List<Snapshot> page = KWayMerge.merge(lists, SortKey::of, query.sort().keyOrder(), after, query.limit() + 1);
        Optional<String> next = Optional.empty();
        if (page.size() > query.limit()) {
            page = page.subList(0, query.limit());
            next = Optional.of(cursor.encode(SortKey.of(page.get(page.size() - 1)), query.digest()));
        }
        return new ListingResult(List.copyOf(page), next, outcomes);
    }
}
