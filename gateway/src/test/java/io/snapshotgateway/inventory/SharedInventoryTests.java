package io.snapshotgateway.inventory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.snapshotgateway.CreationType;
import io.snapshotgateway.DiskType;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Resource;
import io.snapshotgateway.SnapshotStatus;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamFailure;
import io.snapshotgateway.shared.Lease;
import io.snapshotgateway.shared.Leases;
import io.snapshotgateway.shared.RedisCommands;
import io.snapshotgateway.shared.SharedRedis;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectRedis;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.LogCapture;
import io.snapshotgateway.support.Management;
import io.snapshotgateway.support.Pause;
import io.snapshotgateway.support.RedisResource;
import io.snapshotgateway.support.RedisServer;
import io.snapshotgateway.support.WireMockInventoryEcs;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * One gateway with shared state on a real (password-protected) Redis; the test plays the other replicas by writing to
 * Redis as they would (their own lease holder, the same scripts). WireMock is ECS with two regions, refreshed every
 * 60 s on a clock the test moves; the scheduler is called by hand.
 */
@QuarkusTest
@WithTestResource(WireMockInventoryEcs.class)
@WithTestResource(RedisResource.class)
class SharedInventoryTests {
    private static final String HANGZHOU = "/cn-hangzhou/";
    private static final String BEIJING = "/cn-beijing/";
    private static final Scope HANGZHOU_SCOPE = new Scope("wm-ecs", Provider.ALIBABA_ECS, "cn-hangzhou", null);
    private static final String PREFIX = "snapshot-gateway:";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    LogCapture logs = new LogCapture();

    @InjectWireMock
    WireMockServer wireMock;

    @InjectRedis
    RedisServer redisServer;

    @Inject
    Inventories inventories;

    @Inject
    SharedInventories fleet;

    @Inject
    SharedRedis shared;

    @Inject
    MeterRegistry metrics;

    private final InventoryRefreshTests.MovableClock clock = new InventoryRefreshTests.MovableClock();
    private RedisCommands redis;
    private Leases otherReplica;

    @BeforeEach
    void freshFleet() {
        redisServer.resume();
        redisServer.start();
        await().atMost(WAIT).until(shared::available); // a test that took Redis away: found back within a second
        redis = shared.commands().orElseThrow();
        QuarkusMock.installMockForType(clock, GatewayClock.class);
        inventories.reset();
        send(Request.cmd(Command.FLUSHALL));
        wireMock.resetAll();
        answer(HANGZHOU, 3);
        answer(BEIJING, 2);
        otherReplica = new Leases(redis, PREFIX, "other-replica");
    }

    @AfterEach
    void redisBack() {
        redisServer.start();
    }

    @Test
    void theReplicaThatListsAScopePublishesItForTheFleetAndGivesTheLeaseUp() {
        double publishedBefore = counter("snapshot_gateway_redis_commands", "operation", "publish", "outcome", "ok");
        refreshNow();
        await().atMost(WAIT).until(() -> send(Request.cmd(Command.EXISTS).arg(PREFIX + "lease:{wm-ecs/cn-beijing}"))
                .toInteger() == 0);

        Response hash = send(Request.cmd(Command.HGETALL).arg(PREFIX + "inv:{wm-ecs/cn-hangzhou}"));
        assertThat(hash.get("ver").toLong()).isEqualTo(1);
        Inventory published = InventoryCodec.decode(hash.get("data").toBytes(), HANGZHOU_SCOPE, 1, Instant.now(),
                Long.MAX_VALUE);
        assertThat(published.size()).isEqualTo(3);
        assertThat(hash.get("fetched").toLong()).isEqualTo(clock.now().toEpochMilli());
        long nextInMs = hash.get("next").toLong() - redisTimeMs();
        assertThat(nextInMs).as("the fleet lists it again after the refresh interval")
                .isBetween(55_000L, 60_000L);
        assertThat(send(Request.cmd(Command.EXISTS).arg(PREFIX + "lease:{wm-ecs/cn-hangzhou}")).toInteger())
                .as("the lease is released once the listing is published").isZero();
        assertThat(counter("snapshot_gateway_redis_commands", "operation", "publish", "outcome", "ok")
                - publishedBefore).as("both scopes published").isEqualTo(2);
    }

    @Test
    void aScopeAnotherReplicaIsListingIsNotListedHereButTakenOverWhenPublished() {
        double adoptedBefore = counter("snapshot_gateway_inventory_adopted", "region", "cn-hangzhou");
        Lease lease = otherLease();

        inventories.refreshDue();

        Instant fetchedAt = clock.now().minusSeconds(20);
        assertThat(fleet.publish(HANGZHOU_SCOPE, lease, SharedInventories.encode(inventoryOf(7, fetchedAt)),
                fetchedAt, Duration.ofSeconds(60)).await().atMost(WAIT).version()).isPositive();
        awaitIdle();

        JsonPath answer = list("region=cn-hangzhou");
        assertThat(answer.getList("snapshots")).hasSize(7);
        assertThat(answer.getList("sources.age_seconds")).containsOnly(20);
        wireMock.verify(0, getRequestedFor(urlPathEqualTo(HANGZHOU)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(BEIJING)));
        assertThat(counter("snapshot_gateway_inventory_adopted", "region", "cn-hangzhou") - adoptedBefore)
                .isEqualTo(1);
    }

    @Test
    void aFleetStateStartedAfreshIsAdoptedThoughItsVersionCountsFromOneAgain() {
        refreshNow();
        refreshNowForced(); // this replica has seen version 2 of the scope
        // Redis restarted empty (or evicted the key): the next publication is version 1 of a new epoch.
        send(Request.cmd(Command.DEL).arg(PREFIX + "inv:{wm-ecs/cn-hangzhou}"));
        Lease lease = otherLease();
        Instant fetchedAt = clock.now();
        assertThat(fleet.publish(HANGZHOU_SCOPE, lease, SharedInventories.encode(inventoryOf(6, fetchedAt)),
                fetchedAt, Duration.ofSeconds(60)).await().atMost(WAIT).version()).isEqualTo(1);

        await().atMost(WAIT).until(() -> list("region=cn-hangzhou").getList("snapshots").size() == 6);
    }

    @Test
    void aFirstRequestWaitsForTheReplicaListingTheScope() throws Exception {
        Lease lease = otherLease();
        Instant fetchedAt = clock.now();
        Thread publisher = new Thread(() -> {
            Pause.millis(500);
            fleet.publish(HANGZHOU_SCOPE, lease, SharedInventories.encode(inventoryOf(4, fetchedAt)), fetchedAt,
                    Duration.ofSeconds(60)).await().atMost(WAIT);
        });
        publisher.start();

        JsonPath answer = list("region=cn-hangzhou");

        assertThat(answer.getList("snapshots")).hasSize(4);
        assertThat(answer.getList("sources.cache")).containsOnly("miss");
        wireMock.verify(0, getRequestedFor(urlPathEqualTo(HANGZHOU)));
    }

    @Test
    void aScopeTheFleetListedRecentlyIsNotListedAgainWhenThisReplicaThinksItDue() {
        refreshNow();
        Lease lease = otherLease(); // another replica relists it and publishes, with the next listing in 60 s
        Instant fetchedAt = clock.now().plusSeconds(30);
        fleet.publish(HANGZHOU_SCOPE, lease, SharedInventories.encode(inventoryOf(5, fetchedAt)), fetchedAt,
                Duration.ofSeconds(60)).await().atMost(WAIT);
        otherReplica.release(lease).await().atMost(WAIT);
        await().atMost(WAIT).until(() -> list("region=cn-hangzhou").getList("snapshots").size() == 5);

        // Due by this replica's clock, not by the fleet's schedule, which is on Redis's clock (the test moved only
        // this replica's): neither scope is listed again.
        clock.advance(Duration.ofSeconds(61));
        refreshNow();

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(HANGZHOU)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(BEIJING)));
        assertThat(list("region=cn-hangzhou").getList("snapshots")).hasSize(5);
    }

    @Test
    void aFailureTheFleetPublishedIsServedWithTheLastGoodListing() {
        refreshNow();
        Lease lease = otherLease();
        UpstreamFailure throttled = new UpstreamFailure(ProblemType.UPSTREAM_THROTTLED, "the vendor throttled the "
                + "listing", 429, "Throttling.User", "Request was denied due to user flow control.", "R-1",
                Duration.ofSeconds(7));
        fleet.publishFailure(HANGZHOU_SCOPE, lease, throttled, clock.now(), Duration.ofSeconds(5))
                .await().atMost(WAIT);

        await().atMost(WAIT).until(() -> list("region=cn-hangzhou").getList("sources.cache").contains("stale"));
        JsonPath answer = list("region=cn-hangzhou");
        assertThat(answer.getList("snapshots")).hasSize(3);
        assertThat(answer.getString("sources[0].problem.vendor_code")).isEqualTo("Throttling.User");
    }

    @Test
    void aNoCacheRefreshAnotherReplicaForcedMomentsAgoListsNothingHere() {
        refreshNow();
        fleetListedLongAgo(); // only the forced claim stands in the way
        clock.advance(Duration.ofSeconds(10));
        send(Request.cmd(Command.SET).arg(PREFIX + "forced:{wm-ecs/cn-hangzhou}").arg("other-replica").arg("PX")
                .arg(5000));

        JsonPath answer = noCache("region=cn-hangzhou");

        assertThat(answer.getList("snapshots")).hasSize(3);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(HANGZHOU)));
    }

    @Test
    void aNoCacheRefreshRightAfterTheFleetListedTheScopeListsNothing() {
        refreshNow();
        clock.advance(Duration.ofSeconds(10)); // this replica's clock: only Redis's says the listing was just now

        assertThat(noCache("region=cn-hangzhou").getList("snapshots")).hasSize(3);

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(HANGZHOU)));
    }

    @Test
    void aNoCacheRefreshIsOncePerIntervalForTheFleetAndMadeUnderTheLease() {
        refreshNow();
        fleetListedLongAgo();
        clock.advance(Duration.ofSeconds(10));
        answer(HANGZHOU, 6);

        assertThat(noCache("region=cn-hangzhou").getList("snapshots")).hasSize(6);

        wireMock.verify(2, getRequestedFor(urlPathEqualTo(HANGZHOU)));
        assertThat(send(Request.cmd(Command.PTTL).arg(PREFIX + "forced:{wm-ecs/cn-hangzhou}")).toLong())
                .as("the other replicas see the forced refresh for the minimum interval (5 s)")
                .isBetween(1L, 5000L);
        assertThat(send(Request.cmd(Command.HGET).arg(PREFIX + "inv:{wm-ecs/cn-hangzhou}").arg("ver")).toLong())
                .isEqualTo(2);
    }

    @Test
    void vendorCallsTakeFromTheFleetsBudgetInRedis() {
        refreshNow();
        assertThat(send(Request.cmd(Command.EXISTS).arg(PREFIX + "budget:{wm-ecs}")).toInteger())
                .as("the source's call budget lives in Redis").isOne();

        // The other replicas spent the source's budget for hours (the test profile allows 10,000 calls a second):
        // longer than a listing may wait, so this replica makes no call at all.
        send(Request.cmd(Command.HSET).arg(PREFIX + "budget:{wm-ecs}").arg("tokens").arg("-100000000").arg("last")
                .arg(Long.toString(redisTimeMs() * 1000)));
        send(Request.cmd(Command.PEXPIRE).arg(PREFIX + "budget:{wm-ecs}").arg(100_000));
        wireMock.resetRequests();
        fleetListedLongAgo();
        clock.advance(Duration.ofSeconds(10)); // past the minimum interval between no-cache refreshes
        JsonPath answer = noCache("region=cn-hangzhou");

        wireMock.verify(0, getRequestedFor(urlPathEqualTo(HANGZHOU)));
        assertThat(answer.getList("sources.cache")).containsOnly("stale");
        assertThat(counter("snapshot_gateway_vendor_calls_refused", "source", "wm-ecs")).isPositive();
    }

    @Test
    void aRedisThatHangsCostsOneCommandTimeoutNotOnePerVendorCall() {
        refreshNow();
        double budgetTimeouts = counter("snapshot_gateway_redis_commands", "operation", "budget", "outcome",
                "timeout");
        redisServer.pause();
        try {
            clock.advance(Duration.ofSeconds(60));
            answer(HANGZHOU, 4);
            answer(BEIJING, 4);

            refreshNow();

            assertThat(list("limit=100").getList("snapshots")).as("both scopes listed locally").hasSize(8);
            assertThat(counter("snapshot_gateway_redis_commands", "operation", "budget", "outcome", "timeout")
                    - budgetTimeouts).as("no vendor call waited for Redis once a lease attempt timed out").isZero();
            assertThat(gauge("snapshot_gateway_redis_available")).isZero();
        } finally {
            redisServer.resume();
        }
    }

    @Test
    void withRedisDownTheReplicaListsAndServesOnItsOwnAndResumesWhenItReturns() {
        refreshNow();
        assertThat(inventories.sharing()).as("subscribed, Redis confirmed it").isTrue();
        redisServer.stop();
        clock.advance(Duration.ofSeconds(60));
        answer(HANGZHOU, 4);

        refreshNow();

        JsonPath answer = list("region=cn-hangzhou");
        assertThat(answer.getList("snapshots")).as("listed locally").hasSize(4);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(HANGZHOU)));
        assertThat(counter("snapshot_gateway_redis_fallbacks", "operation", "refresh")).isGreaterThanOrEqualTo(2);
        assertThat(counter("snapshot_gateway_redis_fallbacks", "operation", "budget")).isGreaterThanOrEqualTo(2);
        assertThat(gauge("snapshot_gateway_redis_available")).isZero();
        Management.management().get("/q/health/ready").then().statusCode(200);
        assertThat(logs.lines()).filteredOn(l -> l.contains("Redis failed")).hasSize(1);

        redisServer.start();
        // found back by the PING a second, without waiting for anything else to ask
        await().atMost(Duration.ofSeconds(3)).until(() -> gauge("snapshot_gateway_redis_available") == 1);
        clock.advance(Duration.ofSeconds(60));
        answer(HANGZHOU, 5);
        refreshNow();

        assertThat(list("region=cn-hangzhou").getList("snapshots")).hasSize(5);
        assertThat(send(Request.cmd(Command.HGET).arg(PREFIX + "inv:{wm-ecs/cn-hangzhou}").arg("ver")))
                .as("published again (Redis came back empty)").isNotNull();
        assertThat(logs.lines()).anyMatch(l -> l.contains("Redis answers again"));
        await().atMost(WAIT).until(inventories::sharing);
        assertThat(String.join("\n", logs.lines())).doesNotContain(RedisResource.PASSWORD);
    }

    /** The scope's lease for the other replica, once this one has published and released it. */
    private Lease otherLease() {
        return await().atMost(WAIT).until(() -> otherReplica.tryAcquire(SharedInventories.id(HANGZHOU_SCOPE),
                Duration.ofSeconds(15)).await().atMost(WAIT), java.util.Optional::isPresent).orElseThrow();
    }

    /** As if the fleet's latest listing of the scope were older than the minimum interval of no-cache refreshes. */
    private void fleetListedLongAgo() {
        await().atMost(WAIT).until(() -> send(Request.cmd(Command.EXISTS).arg(PREFIX + "lease:{wm-ecs/cn-hangzhou}"))
                .toInteger() == 0);
        send(Request.cmd(Command.HSET).arg(PREFIX + "inv:{wm-ecs/cn-hangzhou}").arg("at").arg("0"));
    }

    private static Inventory inventoryOf(int n, Instant fetchedAt) {
        List<InventoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new InventoryEntry("s-other-" + i, 1_790_000_000_000L + i * 60_000L, "other_" + i,
                    SnapshotStatus.values()[0], DiskType.values()[0], CreationType.values()[0], Resource.Type.DISK,
                    "d-" + i, "i-" + i, 40, ("{\"id\":\"s-other-" + i + "\"}").getBytes(UTF_8)));
        }
        return Inventory.of(HANGZHOU_SCOPE, 1, fetchedAt, entries);
    }

    private long redisTimeMs() {
        Response time = send(Request.cmd(Command.TIME));
        return time.get(0).toLong() * 1000 + time.get(1).toLong() / 1000;
    }

    private Response send(Request request) {
        return redis.send(request).await().atMost(WAIT);
    }

    private double counter(String name, String... tags) {
        return metrics.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    private double gauge(String name) {
        Gauge gauge = metrics.find(name).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private void refreshNowForced() {
        fleetListedLongAgo();
        clock.advance(Duration.ofSeconds(10));
        noCache("region=cn-hangzhou");
    }

    private void refreshNow() {
        inventories.refreshDue();
        awaitIdle();
    }

    private void awaitIdle() {
        await().atMost(WAIT).until(() -> !inventories.refreshing());
    }

    private static JsonPath list(String query) {
        return JsonPath.from(given().get("/snapshots?" + query).then().statusCode(200).extract().asString());
    }

    private static JsonPath noCache(String query) {
        return JsonPath.from(given().header("Cache-Control", "no-cache").get("/snapshots?" + query)
                .then().statusCode(200).extract().asString());
    }

    private void answer(String path, int count) {
        wireMock.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.page(path.replace("/", ""), count, 1, 100, 0, count))));
    }

}
