package io.snapshotgateway.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapshotgateway.CreationType;
import io.snapshotgateway.DiskType;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Resource;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.SnapshotFilter;
import io.snapshotgateway.SnapshotStatus;
import io.snapshotgateway.inventory.CacheState;
import io.snapshotgateway.inventory.EntryEncoder;
import io.snapshotgateway.inventory.Inventory;
import io.snapshotgateway.inventory.InventoryEntry;
import io.snapshotgateway.inventory.ScopeView;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamFailure;

/**
 * The inventory query path (binary search to the time bounds and the cursor, per-entry matching, k-way merge,
 * summary tally) is an optimisation of something simple: take every snapshot, keep those
 * {@link SnapshotFilter#matches(Snapshot)} accepts, sort them by {@link SortOrder#snapshotOrder()}, cut after the
 * cursor. These tests hold the fast path to that naive reference on random data built to hit its weak spots: many
 * equal create_times (ties broken by provider, source, region, id), ids shared across scopes, snapshots without a
 * time, time bounds with fractions or on a tie, and cursors that are not keys of any snapshot.
 *
 * <p>
 * Random cases come from a seeded {@link java.util.Random}; the seed changes per run and a failure names it. To replay
 * one case: {@code ./mvnw test -Dtest=InventoryPagesTests -Dinventory-pages.seed=<seed>}.
 */
class InventoryPagesTests {
    private static final int ITERATIONS = 300;
    private static final String SEED_PROPERTY = "inventory-pages.seed";

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final EntryEncoder ENCODER = new EntryEncoder(JSON);

    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

    /**
     * Few distinct times, so most snapshots tie on create_time and the rest of the order decides. One is before the
     * epoch: negative epoch seconds are where rounding a fractional bound up is easiest to get wrong.
     */
    private static final List<Instant> TIMES = List.of(Instant.parse("1969-12-31T23:59:59Z"), BASE,
            BASE.plusSeconds(1), BASE.plusSeconds(2), BASE.plusSeconds(3), BASE.plusSeconds(60),
            BASE.plusSeconds(3600));

    /**
     * Scopes that differ only in region, only in source (one source name a prefix of another), or only in provider,
     * so every level of the tie-break gets exercised.
     */
    private static final List<Scope> SCOPES = List.of(
            new Scope("ecs", Provider.ALIBABA_ECS, "cn-beijing", null),
            new Scope("ecs-a", Provider.ALIBABA_ECS, "cn-beijing", null),
            new Scope("ecs-a", Provider.ALIBABA_ECS, "cn-hangzhou", null),
            new Scope("eds", Provider.ALIBABA_EDS, "cn-beijing", null),
            new Scope("eds", Provider.ALIBABA_EDS, "cn-shanghai", null),
            new Scope("eds-b", Provider.ALIBABA_EDS, "cn-beijing", null),
            new Scope("ws", Provider.HUAWEI_WORKSPACE, "cn-north-1", "p-1"),
            new Scope("ws", Provider.HUAWEI_WORKSPACE, "cn-north-4", "p-4"),
            new Scope("ws-2", Provider.HUAWEI_WORKSPACE, "cn-north-4", "p-9"));

    /** Small, so ids collide across scopes; mixed so String order (case, length, digits) matters. */
    private static final List<String> IDS = List.of("s-1", "s-10", "s-2", "s-9", "s-a", "s-B", "s-b", "S-1", "s-1a",
            "s-", "s-zz", "snap-1", "snap-01", "s-\u00e4", "x", "s-3", "s-4", "s-5", "s-6", "s-7", "s-8", "s-11",
            "s-12", "s-13");

    private static final List<String> NAMES = List.of("Daily Backup", "daily-backup-2", "WEEKLY", "Manual snap",
            "\u00dcn\u00efcode T\u00e4gliche", "");

    /** Disk and desktop ids are drawn from the same set: a disk filter must not match a desktop of that id. */
    private static final List<String> RESOURCE_IDS = List.of("r-1", "r-2", "r-3");
    private static final List<String> INSTANCES = List.of("i-1", "i-2", "i-3");

    // ------------------------------------------------------------------------------------------------ properties

    @Test
    void entriesAreTheSnapshotsJsonAndTheirSortKey() {
        forRandomCases(random -> {
            Scope scope = pick(random, SCOPES);
            Snapshot s = randomSnapshot(random, scope, pick(random, IDS));
            InventoryEntry e = ENCODER.encode(s);

            // The page body is these bytes as they are: they must be what the API's mapper makes of the snapshot,
            // and read back to the same snapshot.
            assertThat(e.json()).isEqualTo(JSON.writeValueAsBytes(s));
            // ...all but the instance id, which is indexed, not rendered.
            assertThat(JSON.readValue(e.json(), Snapshot.class)).usingRecursiveComparison()
                    .ignoringFields("instanceId").isEqualTo(s);
            // A page token is made from the entry; it must stand exactly where the snapshot stands.
            assertThat(SortKey.of(scope, e)).isEqualTo(SortKey.of(s));
        });
    }

    @Test
    void pagesEqualTheNaiveReference() {
        forRandomCases(random -> {
            World world = randomWorld(random);
            SnapshotFilter filter = randomFilter(random);
            SortOrder order = pick(random, List.of(SortOrder.values()));
            SortKey after = randomCursor(random, world);
            int limit = randomLimit(random);
            String context = describe(filter, order, after, limit);

            List<Ref> all = world.naiveMatches(filter, order);
            List<Ref> remaining = all.stream()
                    .filter(r -> after == null || order.keyOrder().compare(SortKey.of(r.snapshot()), after) > 0)
                    .toList();
            InventoryPages.Page page = InventoryPages.page(world.served(), new EntryMatcher(filter), order, after,
                    limit);

            assertThat(labels(page.entries())).as(context)
                    .containsExactlyElementsOf(refLabels(remaining.subList(0, Math.min(limit, remaining.size()))));
            assertThat(page.more()).as(context).isEqualTo(remaining.size() > limit);
            // Counts are of the whole query, not of what is left after the cursor.
            assertThat(page.matched()).as(context).isEqualTo(world.naiveCounts(all, true));
            assertSameBytes(page.entries(), world);
        });
    }

    @Test
    void walkingPageByPageListsEveryMatchOnceInOrder() {
        forRandomCases(random -> {
            World world = randomWorld(random);
            SnapshotFilter filter = randomFilter(random);
            int limit = randomLimit(random);
            for (SortOrder order : SortOrder.values()) {
                String context = describe(filter, order, null, limit);
                List<Ref> all = world.naiveMatches(filter, order);
                ServedScopes served = world.served();
                EntryMatcher matcher = new EntryMatcher(filter);

                List<String> walked = new ArrayList<>();
                SortKey after = null;
                for (int pages = 0;; pages++) {
                    assertThat(pages).as("walk does not end: " + context).isLessThanOrEqualTo(all.size() / limit + 1);
                    InventoryPages.Page page = InventoryPages.page(served, matcher, order, after, limit);
                    assertThat(page.matched()).as(context).isEqualTo(world.naiveCounts(all, true));
                    walked.addAll(labels(page.entries()));
                    if (!page.more()) {
                        break;
                    }
                    // a page that says more follow must give the cursor to get there
                    assertThat(page.entries()).as(context).hasSize(limit);
                    ListingResult.PageEntry last = page.entries().get(page.entries().size() - 1);
                    after = SortKey.of(last.scope(), last.entry());
                }
                assertThat(walked).as(context).doesNotHaveDuplicates().containsExactlyElementsOf(refLabels(all));
            }
        });
    }

    @Test
    void summaryEqualsAggregatingTheNaiveMatches() {
        forRandomCases(random -> {
            World world = randomWorld(random);
            SnapshotFilter filter = randomFilter(random);
            List<Ref> all = world.naiveMatches(filter, SortOrder.OLDEST_FIRST);

            AtomicReference<Map<Scope, Integer>> passed = new AtomicReference<>();
            // a list only this call returns, to see the summary carries what the function made of the counts
            List<SourceOutcome> outcomes = List.of(new SourceOutcome.Failed(SCOPES.get(0),
                    UpstreamFailure.of(ProblemType.UPSTREAM_TIMEOUT, "marker " + random.nextInt()), false));
            Summary summary = InventoryPages.summarize(world.served(), new EntryMatcher(filter), matched -> {
                passed.set(Map.copyOf(matched));
                return outcomes;
            });

            assertThat(summary).as(describe(filter, null, null, 0)).isEqualTo(naiveSummary(all, outcomes));
            assertThat(summary.outcomes()).isSameAs(outcomes);
            // The caller reads a scope absent from this map as 0 matches (getOrDefault), so only non-zero counts
            // must be there; none may be for a scope that was not served.
            assertThat(withoutZeros(passed.get())).isEqualTo(world.naiveCounts(all, false));
        });
    }

    // ------------------------------------------------------------------------------------------------ edge cases

    @Test
    void emptyInventoriesGiveAnEmptyPageAndAnEmptySummary() {
        Scope a = SCOPES.get(0);
        Scope b = SCOPES.get(3);
        ServedScopes none = new ServedScopes(List.of(), Map.of());
        ServedScopes empty = new ServedScopes(List.of(served(a, List.of()), served(b, List.of())),
                Map.of(a, Set.of("s-1")));
        SnapshotFilter byInstance = filter(f -> f.instanceIds = Set.of("i-1"));

        for (SortOrder order : SortOrder.values()) {
            InventoryPages.Page page = InventoryPages.page(none, new EntryMatcher(SnapshotFilter.NONE), order, null,
                    10);
            assertThat(page.entries()).isEmpty();
            assertThat(page.more()).isFalse();
            assertThat(page.matched()).isEmpty();

            page = InventoryPages.page(empty, new EntryMatcher(byInstance), order,
                    new SortKey(0, "alibaba-ecs", "ecs", "cn-beijing", "s-1"), 10);
            assertThat(page.entries()).isEmpty();
            assertThat(page.more()).isFalse();
            assertThat(page.matched()).isEqualTo(Map.of(a, 0, b, 0));
        }
        Summary summary = InventoryPages.summarize(empty, new EntryMatcher(SnapshotFilter.NONE), m -> List.of());
        assertThat(summary.total()).isZero();
        assertThat(summary.sizeGib()).isZero();
        assertThat(summary.oldestCreateTime()).isNull();
        assertThat(summary.newestCreateTime()).isNull();
        assertThat(summary.byProvider()).isEmpty();
        assertThat(summary.byStatus()).isEmpty();
    }

    @Test
    void cursorBeforeEverythingGivesTheWholeListingAndAfterEverythingNothing() {
        Scope ecs = SCOPES.get(0);
        Scope ws = SCOPES.get(8);
        World world = World.of(List.of(
                new ScopeData(ecs, List.of(snapshot(ecs, "s-1", BASE), snapshot(ecs, "s-2", null),
                        snapshot(ecs, "s-3", BASE.plusSeconds(60))), null, true),
                new ScopeData(ws, List.of(snapshot(ws, "s-1", BASE), snapshot(ws, "s-0", null)), null, true)));
        EntryMatcher matcher = new EntryMatcher(SnapshotFilter.NONE);
        // The smallest and largest keys there are: the lowest time with empty strings, the highest with strings
        // above any id.
        SortKey lowest = new SortKey(InventoryEntry.NO_TIME, "", "", "", "");
        SortKey highest = new SortKey(Long.MAX_VALUE, "\uffff", "\uffff", "\uffff", "\uffff");
        Map<SortOrder, SortKey[]> beforeAndAfter = Map.of(
                SortOrder.OLDEST_FIRST, new SortKey[]{lowest, highest},
                SortOrder.NEWEST_FIRST, new SortKey[]{new SortKey(Long.MAX_VALUE, "", "", "", ""),
                        new SortKey(InventoryEntry.NO_TIME, "\uffff", "\uffff", "\uffff", "\uffff")});

        for (SortOrder order : SortOrder.values()) {
            List<String> everything = refLabels(world.naiveMatches(SnapshotFilter.NONE, order));
            assertThat(everything).hasSize(5);

            InventoryPages.Page page = InventoryPages.page(world.served(), matcher, order,
                    beforeAndAfter.get(order)[0], 10);
            assertThat(labels(page.entries())).as(order.parameter()).containsExactlyElementsOf(everything);
            assertThat(page.more()).isFalse();

            page = InventoryPages.page(world.served(), matcher, order, beforeAndAfter.get(order)[1], 10);
            assertThat(page.entries()).as(order.parameter()).isEmpty();
            assertThat(page.more()).isFalse();
            assertThat(page.matched()).isEqualTo(Map.of(ecs, 3, ws, 2));

            // on the last snapshot itself: nothing after it; on the first: all the others
            List<Ref> refs = world.naiveMatches(SnapshotFilter.NONE, order);
            page = InventoryPages.page(world.served(), matcher, order, SortKey.of(refs.get(4).snapshot()), 10);
            assertThat(page.entries()).isEmpty();
            page = InventoryPages.page(world.served(), matcher, order, SortKey.of(refs.get(0).snapshot()), 10);
            assertThat(labels(page.entries())).containsExactlyElementsOf(everything.subList(1, 5));
        }
    }

    @Test
    void snapshotsWithoutCreateTimeAreTheOldestAndFailAnyTimeBound() {
        Scope ecs = SCOPES.get(0);
        Scope eds = SCOPES.get(3);
        World world = World.of(List.of(
                new ScopeData(ecs, List.of(snapshot(ecs, "s-1", BASE), snapshot(ecs, "s-untimed", null)), null, true),
                new ScopeData(eds, List.of(snapshot(eds, "s-2", BASE.plusSeconds(1)), snapshot(eds, "s-0", null)),
                        null, true)));
        EntryMatcher all = new EntryMatcher(SnapshotFilter.NONE);

        assertThat(ids(InventoryPages.page(world.served(), all, SortOrder.NEWEST_FIRST, null, 10)))
                .containsExactly("s-2", "s-1", "s-untimed", "s-0");
        assertThat(ids(InventoryPages.page(world.served(), all, SortOrder.OLDEST_FIRST, null, 10)))
                .containsExactly("s-untimed", "s-0", "s-1", "s-2");

        // walking through the untimed ones one at a time, in both orders
        for (SortOrder order : SortOrder.values()) {
            List<String> walked = new ArrayList<>();
            SortKey after = null;
            InventoryPages.Page page;
            do {
                assertThat(walked).as("walk does not end").hasSizeLessThanOrEqualTo(4);
                page = InventoryPages.page(world.served(), all, order, after, 1);
                walked.addAll(ids(page));
                if (!page.entries().isEmpty()) {
                    after = SortKey.of(page.entries().get(0).scope(), page.entries().get(0).entry());
                }
            } while (page.more());
            assertThat(walked).as(order.parameter()).hasSize(4).doesNotHaveDuplicates();
        }

        Instant longAgo = Instant.parse("1900-01-01T00:00:00Z");
        Instant farAhead = Instant.parse("3000-01-01T00:00:00Z");
        for (SnapshotFilter bounded : List.of(filter(f -> f.createdAfter = longAgo),
                filter(f -> f.createdBefore = farAhead),
                filter(f -> {
                    f.createdAfter = longAgo;
                    f.createdBefore = farAhead;
                }))) {
            for (SortOrder order : SortOrder.values()) {
                InventoryPages.Page page = InventoryPages.page(world.served(), new EntryMatcher(bounded), order, null,
                        10);
                assertThat(ids(page)).as(order.parameter()).containsExactlyInAnyOrder("s-1", "s-2");
                assertThat(page.matched()).isEqualTo(Map.of(ecs, 1, eds, 1));
            }
            assertThat(InventoryPages.summarize(world.served(), new EntryMatcher(bounded), m -> List.of()).total())
                    .isEqualTo(2);
        }

        Summary summary = InventoryPages.summarize(world.served(), all, m -> List.of());
        assertThat(summary.total()).isEqualTo(4);
        assertThat(summary.oldestCreateTime()).isEqualTo(BASE);
        assertThat(summary.newestCreateTime()).isEqualTo(BASE.plusSeconds(1));

        World untimedOnly = World.of(List.of(new ScopeData(ecs, List.of(snapshot(ecs, "s-1", null)), null, true)));
        summary = InventoryPages.summarize(untimedOnly.served(), all, m -> List.of());
        assertThat(summary.total()).isEqualTo(1);
        assertThat(summary.oldestCreateTime()).isNull();
        assertThat(summary.newestCreateTime()).isNull();
    }

    @Test
    void createdAfterWithAFractionAdmitsOnlyTheFollowingWholeSeconds() {
        Scope ecs = SCOPES.get(0);
        World world = World.of(List.of(new ScopeData(ecs, List.of(snapshot(ecs, "s-0", BASE),
                snapshot(ecs, "s-1", BASE.plusSeconds(1)), snapshot(ecs, "s-2", BASE.plusSeconds(2))), null, true)));

        assertTimeWindow(world, BASE.plusMillis(500), null, "s-1", "s-2");
        assertTimeWindow(world, BASE, null, "s-0", "s-1", "s-2");
        assertTimeWindow(world, BASE.plusNanos(1), null, "s-1", "s-2");
        assertTimeWindow(world, BASE.minusNanos(1), null, "s-0", "s-1", "s-2");
        // before the epoch: rounding a negative fractional second up, not toward zero
        World preEpoch = World.of(List.of(new ScopeData(ecs, List.of(
                snapshot(ecs, "s-a", Instant.ofEpochSecond(-2)), snapshot(ecs, "s-b", Instant.ofEpochSecond(-1)),
                snapshot(ecs, "s-c", Instant.EPOCH)), null, true)));
        assertTimeWindow(preEpoch, Instant.ofEpochSecond(-2).plusMillis(500), null, "s-b", "s-c");
        assertTimeWindow(preEpoch, null, Instant.ofEpochSecond(-2).plusMillis(500), "s-a");
    }

    @Test
    void createdBeforeIsExclusive() {
        Scope ecs = SCOPES.get(0);
        World world = World.of(List.of(new ScopeData(ecs, List.of(snapshot(ecs, "s-0", BASE),
                snapshot(ecs, "s-1", BASE.plusSeconds(1)), snapshot(ecs, "s-2", BASE.plusSeconds(2))), null, true)));

        assertTimeWindow(world, null, BASE.plusSeconds(1), "s-0");
        assertTimeWindow(world, null, BASE.plusMillis(1500), "s-0", "s-1");
        assertTimeWindow(world, null, BASE, new String[0]);
        // a window on one tie value holds exactly that second
        assertTimeWindow(world, BASE.plusSeconds(1), BASE.plusSeconds(2), "s-1");
        // an empty or inverted window holds nothing
        assertTimeWindow(world, BASE.plusSeconds(1), BASE.plusSeconds(1), new String[0]);
        assertTimeWindow(world, BASE.plusSeconds(2), BASE, new String[0]);
        assertTimeWindow(world, BASE.plusMillis(500), BASE.plusMillis(900), new String[0]);
    }

    @Test
    void instanceFilterUsesTheLookupWhereThereIsOneAndTheEntrysOwnInstanceEverywhere() {
        Scope ecs = SCOPES.get(0);
        Scope eds = SCOPES.get(3);
        Snapshot looked = snapshot(ecs, "s-looked-up", BASE);
        Snapshot own = withInstance(snapshot(ecs, "s-own", BASE), "i-1");
        Snapshot other = withInstance(snapshot(ecs, "s-other", BASE), "i-2");
        Snapshot edsOwn = withInstance(snapshot(eds, "s-looked-up", BASE), "i-1");
        Snapshot edsNone = snapshot(eds, "s-own", BASE);
        World world = World.of(List.of(
                new ScopeData(ecs, List.of(looked, own, other), Set.of("s-looked-up", "s-gone"), true),
                new ScopeData(eds, List.of(edsOwn, edsNone), null, true)));

        InventoryPages.Page page = InventoryPages.page(world.served(),
                new EntryMatcher(filter(f -> f.instanceIds = Set.of("i-1"))), SortOrder.OLDEST_FIRST, null, 10);

        // ecs: looked up or own instance; eds (no lookup): the ids the ecs lookup named mean nothing there
        assertThat(labels(page.entries())).containsExactly(label(ecs, looked), label(ecs, own), label(eds, edsOwn));
        assertThat(page.matched()).isEqualTo(Map.of(ecs, 2, eds, 1));
        // without an instance filter the lookup set is not a filter
        assertThat(InventoryPages.page(world.served(), new EntryMatcher(SnapshotFilter.NONE), SortOrder.OLDEST_FIRST,
                null, 10).entries()).hasSize(5);
    }

    @Test
    void diskAndDesktopFiltersLookAtTheResourceTypeAsWellAsTheId() {
        Scope ecs = SCOPES.get(0);
        Snapshot disk = withResource(snapshot(ecs, "s-disk", BASE), Resource.disk("r-1"));
        Snapshot desktop = withResource(snapshot(ecs, "s-desktop", BASE), Resource.desktop("r-1", "Desk"));
        Snapshot none = snapshot(ecs, "s-none", BASE);
        World world = World.of(List.of(new ScopeData(ecs, List.of(disk, desktop, none), null, true)));

        assertThat(ids(InventoryPages.page(world.served(), new EntryMatcher(filter(f -> f.diskIds = Set.of("r-1"))),
                SortOrder.OLDEST_FIRST, null, 10))).containsExactly("s-disk");
        assertThat(ids(InventoryPages.page(world.served(),
                new EntryMatcher(filter(f -> f.desktopIds = Set.of("r-1"))), SortOrder.OLDEST_FIRST, null, 10)))
                .containsExactly("s-desktop");
        assertThat(ids(InventoryPages.page(world.served(), new EntryMatcher(filter(f -> {
            f.diskIds = Set.of("r-1");
            f.desktopIds = Set.of("r-1");
        })), SortOrder.OLDEST_FIRST, null, 10))).isEmpty();
    }

    @Test
    void unavailableScopesContributeNothing() {
        Scope ecs = SCOPES.get(0);
        Scope eds = SCOPES.get(3);
        World world = World.of(List.of(new ScopeData(ecs, List.of(snapshot(ecs, "s-1", BASE)), null, true),
                new ScopeData(eds, List.of(snapshot(eds, "s-1", BASE)), null, false)));

        InventoryPages.Page page = InventoryPages.page(world.served(), new EntryMatcher(SnapshotFilter.NONE),
                SortOrder.NEWEST_FIRST, null, 10);
        assertThat(labels(page.entries())).containsExactly(label(ecs, world.scopes().get(0).snapshots().get(0)));
        assertThat(page.matched()).isEqualTo(Map.of(ecs, 1));
        assertThat(InventoryPages.summarize(world.served(), new EntryMatcher(SnapshotFilter.NONE), m -> List.of())
                .total()).isEqualTo(1);
    }

    private static void assertTimeWindow(World world, Instant after, Instant before, String... expectedOldestFirst) {
        SnapshotFilter f = filter(b -> {
            b.createdAfter = after;
            b.createdBefore = before;
        });
        String context = "created_after=" + after + " created_before=" + before;
        // the naive filter is the specification; the fast path must agree with it and with the expectation
        assertThat(ids(world.naiveMatches(f, SortOrder.OLDEST_FIRST))).as(context)
                .containsExactly(expectedOldestFirst);
        assertThat(ids(InventoryPages.page(world.served(), new EntryMatcher(f), SortOrder.OLDEST_FIRST, null, 10)))
                .as(context).containsExactly(expectedOldestFirst);
        List<String> newestFirst = new ArrayList<>(List.of(expectedOldestFirst));
        Collections.reverse(newestFirst);
        assertThat(ids(InventoryPages.page(world.served(), new EntryMatcher(f), SortOrder.NEWEST_FIRST, null, 10)))
                .as(context).containsExactlyElementsOf(newestFirst);
        assertThat(InventoryPages.summarize(world.served(), new EntryMatcher(f), m -> List.of()).total()).as(context)
                .isEqualTo(expectedOldestFirst.length);
    }

    // ------------------------------------------------------------------------------------------------ the world

    /** One scope's snapshots as the reference sees them, and how the request serves the scope. */
    private record ScopeData(Scope scope, List<Snapshot> snapshots, Set<String> instanceSnapshots,
            boolean available) {
    }

    /** A snapshot in the reference, and the scope it was listed in. */
    private record Ref(Scope scope, Snapshot snapshot) {
    }

    private record World(List<ScopeData> scopes, ServedScopes served) {

        static World of(List<ScopeData> scopes) {
            List<ScopeView> views = new ArrayList<>();
            Map<Scope, Set<String>> lookups = new HashMap<>();
            long generation = 1;
            for (ScopeData d : scopes) {
                if (d.available()) {
                    List<InventoryEntry> entries = d.snapshots().stream().map(ENCODER::encode).toList();
                    views.add(new ScopeView.Served(d.scope(), Inventory.of(d.scope(), generation++, BASE, entries),
                            CacheState.HIT, 0, Optional.empty(), 0));
                } else {
                    views.add(new ScopeView.Unavailable(d.scope(),
                            UpstreamFailure.of(ProblemType.UPSTREAM_UNAVAILABLE, "down"), 1));
                }
                if (d.instanceSnapshots() != null) {
                    lookups.put(d.scope(), d.instanceSnapshots());
                }
            }
            return new World(scopes, new ServedScopes(views, lookups));
        }

        /**
         * Every snapshot of every served scope that the filter accepts, in the listing order. Where the scope had an
         * instance lookup, a snapshot it named counts as being of a requested instance.
         */
        List<Ref> naiveMatches(SnapshotFilter filter, SortOrder order) {
            List<Ref> matches = new ArrayList<>();
            for (ScopeData d : scopes) {
                if (!d.available()) {
                    continue;
                }
                for (Snapshot s : d.snapshots()) {
                    Snapshot seen = d.instanceSnapshots() != null && d.instanceSnapshots().contains(s.id())
                            && !filter.instanceIds().isEmpty()
                                    ? withInstance(s, new TreeSet<>(filter.instanceIds()).first())
                                    : s;
                    if (ReferenceFilter.matches(filter, seen)) {
                        matches.add(new Ref(d.scope(), s));
                    }
                }
            }
            matches.sort(Comparator.comparing(Ref::snapshot, order.snapshotOrder()));
            return matches;
        }

        /** Matches per served scope; with {@code zeros}, served scopes without a match are there as 0. */
        Map<Scope, Integer> naiveCounts(List<Ref> matches, boolean zeros) {
            Map<Scope, Integer> counts = new HashMap<>();
            if (zeros) {
                scopes.stream().filter(ScopeData::available).forEach(d -> counts.put(d.scope(), 0));
            }
            matches.forEach(r -> counts.merge(r.scope(), 1, Integer::sum));
            return counts;
        }

        Snapshot find(Scope scope, String id) {
            return scopes.stream().filter(d -> d.scope().equals(scope)).flatMap(d -> d.snapshots().stream())
                    .filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        }
    }

    private static Summary naiveSummary(List<Ref> matches, List<SourceOutcome> outcomes) {
        long size = 0;
        Instant oldest = null;
        Instant newest = null;
        Map<String, Long> byProvider = new TreeMap<>();
        Map<String, Long> bySource = new TreeMap<>();
        Map<String, Long> byRegion = new TreeMap<>();
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byDiskType = new TreeMap<>();
        Map<String, Long> byCreationType = new TreeMap<>();
        for (Ref r : matches) {
            Snapshot s = r.snapshot();
            size += s.sizeGib() == null ? 0 : s.sizeGib();
            if (s.createTime() != null) {
                oldest = oldest == null || s.createTime().isBefore(oldest) ? s.createTime() : oldest;
                newest = newest == null || s.createTime().isAfter(newest) ? s.createTime() : newest;
            }
            byProvider.merge(s.provider().id(), 1L, Long::sum);
            bySource.merge(s.source(), 1L, Long::sum);
            byRegion.merge(s.region(), 1L, Long::sum);
            byStatus.merge(s.status() == null ? "unknown" : s.status().id(), 1L, Long::sum);
            byDiskType.merge(s.diskType() == null ? "unknown" : s.diskType().id(), 1L, Long::sum);
            byCreationType.merge(s.creationType() == null ? "unknown" : s.creationType().id(), 1L, Long::sum);
        }
        return new Summary(matches.size(), size, oldest, newest, byProvider, bySource, byRegion, byStatus,
                byDiskType, byCreationType, outcomes);
    }

    // ------------------------------------------------------------------------------------------------ generators

    private static World randomWorld(Random random) {
        List<Scope> pool = new ArrayList<>(SCOPES);
        Collections.shuffle(pool, random);
        int served = 1 + random.nextInt(5);
        // sometimes one more scope, unavailable: its snapshots must never show
        int count = served + (random.nextInt(6) == 0 ? 1 : 0);
        List<ScopeData> scopes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Scope scope = pool.get(i);
            List<String> ids = new ArrayList<>(IDS);
            Collections.shuffle(ids, random);
            int size = random.nextInt(8) == 0 ? 0 : random.nextInt(IDS.size() + 1);
            List<Snapshot> snapshots = ids.subList(0, size).stream().map(id -> randomSnapshot(random, scope, id))
                    .toList();
            Set<String> lookup = null;
            if (random.nextInt(3) == 0) {
                // what an instance lookup found: some of the scope's ids, and maybe one it no longer holds
                lookup = new TreeSet<>();
                for (String id : ids.subList(0, size)) {
                    if (random.nextInt(4) == 0) {
                        lookup.add(id);
                    }
                }
                if (random.nextBoolean()) {
                    lookup.add("s-deleted");
                }
            }
            scopes.add(new ScopeData(scope, snapshots, lookup, i < served));
        }
        // the catalog order of views must not matter
        Collections.shuffle(scopes, random);
        return World.of(scopes);
    }

    private static Snapshot randomSnapshot(Random random, Scope scope, String id) {
        Resource resource = switch (random.nextInt(5)) {
            case 0 -> null;
            case 1, 2 -> Resource.disk(pick(random, RESOURCE_IDS));
            default -> Resource.desktop(pick(random, RESOURCE_IDS), sometimes(random, () -> "desk"));
        };
        Map<String, Object> attributes = switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> Map.of();
            case 2 -> Map.of("Usage", "none");
            default -> {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("InstanceId", pick(random, INSTANCES));
                a.put("Category", "standard");
                yield a;
            }
        };
        return new Snapshot(id, scope.provider(), scope.source(), scope.region(), scope.projectId(),
                sometimes(random, () -> pick(random, NAMES)),
                sometimes(random, () -> "described"),
                sometimes(random, () -> pick(random, List.of(SnapshotStatus.values()))),
                sometimes(random, () -> "vendor-" + random.nextInt(3)),
                sometimes(random, () -> random.nextInt(101)),
                sometimes(random, () -> random.nextInt(600)),
                sometimes(random, () -> pick(random, List.of(DiskType.values()))),
                sometimes(random, () -> pick(random, List.of(CreationType.values()))),
                sometimes(random, () -> (long) (random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(2000))),
                sometimes(random, () -> pick(random, TIMES)),
                resource,
                sometimes(random, random::nextBoolean),
                random.nextBoolean() ? null : Map.of("team", "t" + random.nextInt(2)),
                attributes, attributes == null ? null : (String) attributes.get("InstanceId"));
    }

    /**
     * No filter, or one to three kinds of filter: more would rarely leave anything to page through. Values include
     * some nothing has.
     */
    private static SnapshotFilter randomFilter(Random random) {
        List<Integer> kinds = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 8));
        Collections.shuffle(kinds, random);
        int count = pick(random, List.of(0, 1, 1, 1, 2, 2, 3));
        return filter(f -> {
            for (int kind : new TreeSet<>(kinds.subList(0, count))) {
                switch (kind) {
                    case 0 -> f.snapshotIds = subset(random, concat(IDS, List.of("s-unknown")), 1 + random.nextInt(8));
                    case 1 -> f.diskIds = subset(random, concat(RESOURCE_IDS, List.of("r-9")), 1 + random.nextInt(3));
                    case 2 -> f.desktopIds = subset(random, concat(RESOURCE_IDS, List.of("r-9")),
                            1 + random.nextInt(3));
                    case 3 -> f.instanceIds = subset(random, concat(INSTANCES, List.of("i-9")), 1 + random.nextInt(3));
                    case 4 -> {
                        Set<String> names = new TreeSet<>();
                        int n = 1 + random.nextInt(2);
                        while (names.size() < n) {
                            names.add(randomNameFragment(random));
                        }
                        f.names = names;
                    }
                    case 5 -> f.statuses = subset(random, List.of(SnapshotStatus.values()), 1 + random.nextInt(4));
                    case 6 -> f.diskTypes = subset(random, List.of(DiskType.values()), 1);
                    case 7 -> f.creationTypes = subset(random, List.of(CreationType.values()), 1);
                    default -> {
                        int bounds = random.nextInt(3);
                        f.createdAfter = bounds != 1 ? randomBound(random) : null;
                        f.createdBefore = bounds != 0 ? randomBound(random) : null;
                    }
                }
            }
            // mostly a real window; sometimes an empty or inverted one
            if (f.createdAfter != null && f.createdBefore != null && f.createdAfter.isAfter(f.createdBefore)
                    && random.nextInt(4) != 0) {
                Instant t = f.createdAfter;
                f.createdAfter = f.createdBefore;
                f.createdBefore = t;
            }
        });
    }

    /** 1..20, small ones more often so that walks take many pages. */
    private static int randomLimit(Random random) {
        return random.nextBoolean() ? 1 + random.nextInt(4) : 1 + random.nextInt(20);
    }

    /** A time bound on a tie value, just off it (fraction or nanosecond), or outside every snapshot's time. */
    private static Instant randomBound(Random random) {
        Instant t = random.nextInt(8) == 0
                ? pick(random, List.of(Instant.parse("1900-01-01T00:00:00Z"),
                        Instant.parse("3000-01-01T00:00:00Z")))
                : pick(random, TIMES);
        return switch (random.nextInt(6)) {
            case 0 -> t.plusMillis(500);
            case 1 -> t.minusMillis(500);
            case 2 -> t.plusNanos(1);
            case 3 -> t.minusNanos(1);
            default -> t;
        };
    }

    /** Part of a known name with its case scrambled, or a name nothing has. */
    private static String randomNameFragment(Random random) {
        if (random.nextInt(6) == 0) {
            return pick(random, List.of("nothing-like-it", ""));
        }
        String name = pick(random, NAMES.subList(0, NAMES.size() - 1));
        int start = random.nextInt(name.length());
        int end = Math.min(name.length(), start + 1 + random.nextInt(5));
        StringBuilder fragment = new StringBuilder();
        for (char c : name.substring(start, end).toCharArray()) {
            fragment.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return fragment.toString();
    }

    /** No cursor, a listed snapshot's key, or a key that is no snapshot's (unknown scope, time or id). */
    private static SortKey randomCursor(Random random, World world) {
        List<Snapshot> all = world.scopes().stream().flatMap(d -> d.snapshots().stream()).toList();
        int kind = random.nextInt(4);
        if (kind == 0 || (kind == 1 && all.isEmpty())) {
            return null;
        }
        if (kind == 1) {
            return SortKey.of(pick(random, all));
        }
        Scope scope = pick(random, SCOPES);
        long time = random.nextInt(5) == 0 ? InventoryEntry.NO_TIME : pick(random, TIMES).getEpochSecond();
        return new SortKey(time,
                random.nextInt(6) == 0 ? pick(random, List.of("", "alibaba-ecz", "zzz")) : scope.provider().id(),
                random.nextInt(6) == 0 ? pick(random, List.of("", "ecs-", "eds-a", "ws-1")) : scope.source(),
                random.nextInt(6) == 0 ? pick(random, List.of("", "cn-c", "cn-north-2")) : scope.region(),
                random.nextInt(4) == 0 ? pick(random, List.of("", "s-0", "s-1b", "zz")) : pick(random, IDS));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Runs a property over random cases; a failure names the case's seed. */
    private static void forRandomCases(Property property) {
        String fixed = System.getProperty(SEED_PROPERTY);
        List<Long> seeds = new ArrayList<>();
        if (fixed != null && !fixed.isBlank()) {
            seeds.add(Long.parseLong(fixed.trim()));
        } else {
            Random seeder = new Random();
            for (int i = 0; i < ITERATIONS; i++) {
                seeds.add(seeder.nextLong());
            }
        }
        for (long seed : seeds) {
            try {
                property.check(new Random(seed));
            } catch (AssertionError | Exception e) {
                String replay = "random case failed; replay with -D" + SEED_PROPERTY + "=" + seed;
                System.err.println(replay);
                throw new AssertionError(replay + "\n" + e.getMessage(), e);
            }
        }
    }

    @FunctionalInterface
    private interface Property {
        void check(Random random) throws Exception;
    }

    /** A mutable builder for filters, so a test names only the fields it sets. */
    private static final class FilterBuilder {
        Set<String> snapshotIds = Set.of();
        Set<String> diskIds = Set.of();
        Set<String> desktopIds = Set.of();
        Set<String> instanceIds = Set.of();
        Set<String> names = Set.of();
        Set<SnapshotStatus> statuses = Set.of();
        Set<DiskType> diskTypes = Set.of();
        Set<CreationType> creationTypes = Set.of();
        Instant createdAfter;
        Instant createdBefore;
    }

    private static SnapshotFilter filter(Consumer<FilterBuilder> setup) {
        FilterBuilder b = new FilterBuilder();
        setup.accept(b);
        return new SnapshotFilter(b.snapshotIds, b.diskIds, b.desktopIds, b.instanceIds, b.names, b.statuses,
                b.diskTypes, b.creationTypes, b.createdAfter, b.createdBefore);
    }

    private static ScopeView.Served served(Scope scope, List<Snapshot> snapshots) {
        return new ScopeView.Served(scope,
                Inventory.of(scope, 1, BASE, snapshots.stream().map(ENCODER::encode).toList()), CacheState.HIT, 0,
                Optional.empty(), 0);
    }

    private static Snapshot snapshot(Scope scope, String id, Instant createTime) {
        return new Snapshot(id, scope.provider(), scope.source(), scope.region(), scope.projectId(), "name " + id,
                null, SnapshotStatus.AVAILABLE, null, null, null, DiskType.DATA, CreationType.MANUAL, 20L, createTime,
                null, null, null, null, null);
    }

    private static Snapshot withInstance(Snapshot s, String instance) {
        Map<String, Object> attributes = new LinkedHashMap<>(s.attributes() == null ? Map.of() : s.attributes());
        attributes.put("InstanceId", instance);
        return new Snapshot(s.id(), s.provider(), s.source(), s.region(), s.projectId(), s.name(), s.description(),
                s.status(), s.vendorStatus(), s.progress(), s.remainingSeconds(), s.diskType(), s.creationType(),
                s.sizeGib(), s.createTime(), s.resource(), s.encrypted(), s.tags(), attributes, instance);
    }

    private static Snapshot withResource(Snapshot s, Resource resource) {
        return new Snapshot(s.id(), s.provider(), s.source(), s.region(), s.projectId(), s.name(), s.description(),
                s.status(), s.vendorStatus(), s.progress(), s.remainingSeconds(), s.diskType(), s.creationType(),
                s.sizeGib(), s.createTime(), resource, s.encrypted(), s.tags(), s.attributes(), s.instanceId());
    }

    /** The page entries carry the JSON of the very snapshot the reference expects there. */
    private static void assertSameBytes(List<ListingResult.PageEntry> entries, World world) {
        for (ListingResult.PageEntry e : entries) {
            assertThat(e.entry().json()).isEqualTo(ENCODER.encode(world.find(e.scope(), e.entry().id())).json());
        }
    }

    /** Where a snapshot stands and who it is: readable in a failure, and equal only for the same snapshot. */
    private static String label(Scope scope, long time, String id) {
        return (time == InventoryEntry.NO_TIME ? "no-time" : Instant.ofEpochSecond(time).toString()) + " "
                + scope.provider().id() + "/" + scope.source() + "/" + scope.region() + "/" + id;
    }

    private static String label(Scope scope, Snapshot s) {
        return label(scope, SortKey.of(s).createTime(), s.id());
    }

    private static List<String> labels(List<ListingResult.PageEntry> entries) {
        return entries.stream().map(e -> label(e.scope(), e.entry().createTime(), e.entry().id())).toList();
    }

    private static List<String> refLabels(List<Ref> refs) {
        return refs.stream().map(r -> label(r.scope(), r.snapshot())).toList();
    }

    private static List<String> ids(InventoryPages.Page page) {
        return page.entries().stream().map(e -> e.entry().id()).toList();
    }

    private static List<String> ids(List<Ref> refs) {
        return refs.stream().map(r -> r.snapshot().id()).toList();
    }

    private static Map<Scope, Integer> withoutZeros(Map<Scope, Integer> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() != 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String describe(SnapshotFilter filter, SortOrder order, SortKey after, int limit) {
        return filter + (order == null ? "" : " sort=" + order.parameter()) + " after=" + after + " limit=" + limit;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> T sometimes(Random random, Supplier<T> value) {
        return random.nextInt(5) == 0 ? null : value.get();
    }

    private static <T> Set<T> subset(Random random, List<T> values, int size) {
        List<T> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return Set.copyOf(shuffled.subList(0, Math.min(size, shuffled.size())));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
