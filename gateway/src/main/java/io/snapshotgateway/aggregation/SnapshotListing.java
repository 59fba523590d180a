package io.snapshotgateway.aggregation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.snapshotgateway.config.GatewayConfig;
import io.snapshotgateway.inventory.InstanceLookups;
import io.snapshotgateway.inventory.Inventories;
import io.snapshotgateway.inventory.InventoryConfig;
import io.snapshotgateway.inventory.ScopeView;
import io.snapshotgateway.problem.ParameterError;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamFailures;

/**
 * Answers listing and summary queries from the scopes' inventories: which scopes a query selects, where its page
 * starts (page tokens are issued and judged by {@link PageTokens}, never outside this package), and the page or
 * summary itself.
 */
// Built at start-up, so that a missing page-token key fails the start, not the first request.
@Startup
@ApplicationScoped
public class SnapshotListing {
    private final SourceCatalog catalog;
    private final Inventories inventories;
    private final InstanceLookups lookups;
    private final InventoryConfig.InstanceLookup lookupLimits;
    private final PageTokens tokens;
    private final AtomicLong lookupFailures = new AtomicLong();

    public SnapshotListing(SourceCatalog catalog, Inventories inventories, InstanceLookups lookups,
            InventoryConfig inventoryConfig, GatewayConfig config) {
        this.catalog = catalog;
        this.inventories = inventories;
        this.lookups = lookups;
        this.lookupLimits = inventoryConfig.instanceLookup();
        this.tokens = new PageTokens(config.cursor());
    }

    /**
     * A query checked against the configuration and its page token. {@code forbidden} names what the caller's key may
     * not see (answered 403, before any other problem), {@code errors} everything else wrong with it; where its page
     * starts stays in aggregation, for {@link #page}.
     */
    public static final class Checked {
        private final ListingQuery query;
        private final List<ParameterError> forbidden;
        private final List<ParameterError> errors;
        private final PageCursor.Position start;

        private Checked(ListingQuery query, List<ParameterError> forbidden, List<ParameterError> errors,
                PageCursor.Position start) {
            this.query = query;
            this.forbidden = List.copyOf(forbidden);
            this.errors = List.copyOf(errors);
            this.start = start;
        }

        public ListingQuery query() {
            return query;
        }

        public List<ParameterError> forbidden() {
            return forbidden;
        }

        public List<ParameterError> errors() {
            return errors;
        }
    }

    /**
     * Checks what only the configuration can tell: unknown sources and regions, instance lookups past their limits,
     * and a page token issued for another query (or not by this gateway).
     *
     * @param syntaxErrors the parser's findings: with them the query is not the one a token was issued for anyway,
     *            so only what is wrong with the token itself is said
     */
    public Checked check(ListingQuery query, List<ParameterError> syntaxErrors) {
        List<ParameterError> forbidden = catalog.outside(query.selection(), query.grant());
        if (!forbidden.isEmpty()) {
            return new Checked(query, forbidden, List.of(), PageCursor.Position.START);
        }
        List<ParameterError> errors = new ArrayList<>(syntaxErrors);
        errors.addAll(catalog.unknown(query.selection(), query.grant()));
        if (errors.stream().noneMatch(e -> e.parameter().equals("instance_id"))) {
            errors.addAll(instanceLimits(query));
        }
        PageTokens.Start start = tokens.start(query, errors.isEmpty());
        start.problem().ifPresent(errors::add);
        return new Checked(query, List.of(), errors, start.position());
    }

    private List<ParameterError> instanceLimits(ListingQuery query) {
        int values = query.filter().instanceIds().size();
        if (values == 0) {
            return List.of();
        }
        if (values > lookupLimits.maxValues()) {
            return List.of(new ParameterError("instance_id", "takes at most " + lookupLimits.maxValues()
                    + " values (gateway.inventory.instance-lookup.max-values), got " + values));
        }
        long scopes = catalog.select(query.selection(), query.grant()).stream()
                .filter(s -> lookups.needed(s.provider())).count();
        if (values * scopes > lookupLimits.maxPerRequest()) {
            return List.of(new ParameterError("instance_id", values + " instance ids in " + scopes
                    + " selected ECS regions need " + values * scopes + " vendor lookups; at most "
                    + lookupLimits.maxPerRequest() + " (gateway.inventory.instance-lookup.max-per-request): "
                    + "name fewer instances or narrow region/source"));
        }
        return List.of();
    }

    /**
     * The view of every selected scope: at once from the inventories, except for a scope's first listing, a refresh
     * the caller forced, and instance lookups.
     */
    public Uni<ServedScopes> serve(ListingQuery query) {
        List<Scope> scopes = catalog.select(query.selection(), query.grant());
        if (scopes.isEmpty()) {
            return Uni.createFrom().item(new ServedScopes(List.of(), Map.of()));
        }
        List<ScopeView> now = query.bypassCache() ? null : inventories.readAllNow(scopes);
        if (now != null) {
            return lookUpInstances(query, now);
        }
        List<Uni<ScopeView>> reads = scopes.stream().map(s -> inventories.read(s, query.bypassCache())).toList();
        return Uni.join().all(reads).andFailFast().onItem().transformToUni(views -> lookUpInstances(query, views));
    }

    private Uni<ServedScopes> lookUpInstances(ListingQuery query, List<ScopeView> views) {
        Set<String> instances = query.filter().instanceIds();
        if (instances.isEmpty()) {
            return Uni.createFrom().item(new ServedScopes(views, Map.of()));
        }
        record Resolved(ScopeView view, Set<String> instanceSnapshots) {
        }
        List<Uni<Resolved>> resolving = views.stream().map(v -> !(v instanceof ScopeView.Served)
                || !lookups.needed(v.scope().provider())
                        ? Uni.createFrom().item(new Resolved(v, null))
                        : lookups.snapshotIds(v.scope(), instances).map(ids -> new Resolved(v, ids))
                                // A failed lookup is not kept, so neither is a page showing it: a stamp of its own.
                                .onFailure().recoverWithItem(failure -> new Resolved(new ScopeView.Unavailable(
                                        v.scope(), UpstreamFailures.classify(failure),
                                        -lookupFailures.incrementAndGet()), null)))
                .toList();
        return Uni.join().all(resolving).andFailFast().map(all -> {
            Map<Scope, Set<String>> found = new HashMap<>();
            all.stream().filter(r -> r.instanceSnapshots() != null)
                    .forEach(r -> found.put(r.view().scope(), r.instanceSnapshots()));
            return new ServedScopes(all.stream().map(Resolved::view).toList(), found);
        });
    }

    /** One page of a checked query from where its token left off, the next page's token, every scope's outcome. */
    public ListingResult page(Checked checked, ServedScopes served) {
        ListingQuery query = checked.query();
        PageCursor.Position position = checked.start;
        InventoryPages.Page page = InventoryPages.page(served, new EntryMatcher(query.filter()), query.sort(),
                position.after(), query.limit());
        List<SourceOutcome> outcomes = outcomes(served, page.matched(), position.missed());
        Optional<String> next = Optional.empty();
        if (page.more() && !page.entries().isEmpty()) {
            ListingResult.PageEntry last = page.entries().get(page.entries().size() - 1);
            Set<String> missed = new HashSet<>(position.missed());
            outcomes.stream().filter(o -> o instanceof SourceOutcome.Failed)
                    .forEach(o -> missed.add(PageCursor.scopeId(o.scope())));
            next = Optional.of(tokens.after(query, last, missed));
        }
        return new ListingResult(page.entries(), next, outcomes);
    }

    /** Counts and bounds of everything the query matches. */
    public Summary summarize(ListingQuery query, ServedScopes served) {
        return InventoryPages.summarize(served, new EntryMatcher(query.filter()),
                matched -> outcomes(served, matched, Set.of()));
    }

    private static List<SourceOutcome> outcomes(ServedScopes served, Map<Scope, Integer> matched,
            Set<String> missedBefore) {
        List<SourceOutcome> outcomes = new ArrayList<>();
        for (ScopeView view : served.views()) {
            boolean missed = missedBefore.contains(PageCursor.scopeId(view.scope()));
            if (view instanceof ScopeView.Served s) {
                outcomes.add(new SourceOutcome.Listed(s.scope(), matched.getOrDefault(s.scope(), 0), s.cache(),
                        s.ageSeconds(), s.problem(), missed));
            } else if (view instanceof ScopeView.Unavailable u) {
                outcomes.add(new SourceOutcome.Failed(u.scope(), u.failure(), missed));
            }
        }
        return outcomes;
    }
}
