package io.snapshotgateway.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotgateway.simulator.SimulatorConfig;
import io.snapshotgateway.simulator.VendorSimulator;
import io.snapshotgateway.support.PrometheusText;
import io.snapshotgateway.support.RedisServer;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Two packaged gateways (two processes: one application per JVM) sharing one real Redis, listing one simulator: the
 * demo profile's 9 scopes, refreshed every 2 s, leases of 3 s. The simulator answers ECS cn-hangzhou 1.5 s late, so
 * that a replica can be caught holding that scope's lease mid-listing.
 */
class FleetIT {
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String PASSWORD = "fleet-it-redis-password-51c2";
    private static final String SLOW_SCOPE = "sim-ecs/cn-hangzhou";
    private static final int SCOPES = 9;
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final double JITTER = 0.1;
    private static final Duration LEASE = Duration.ofSeconds(3);

    private static final RedisServer REDIS = new RedisServer().withPassword(PASSWORD);
    private static Vertx vertx;
    private static int simulatorPort;
    private static RedisCommands redis;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Gateway> gateways = new ArrayList<>();

    @TempDir
    Path dir;

    /** One gateway process and its ports. */
    private record Gateway(String name, Process process, int port, int management, Path log) {
        URI api(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        URI metrics() {
            return URI.create("http://127.0.0.1:" + management + "/q/metrics");
        }
    }

    @BeforeAll
    static void redisAndSimulator() {
        REDIS.start();
        vertx = Vertx.vertx();
        SimulatorConfig config = SimulatorConfig.from(key -> switch (key) {
            case "simulator.port" -> Optional.of("0");
            case "simulator.latency" -> Optional.of("alibaba-ecs:cn-hangzhou=1500ms");
            default -> Optional.empty();
        });
        simulatorPort = VendorSimulator.start(vertx, config).toCompletionStage().toCompletableFuture().join().port();
        redis = RedisCommands.connect(vertx, REDIS.url(), Duration.ofSeconds(2), Duration.ofSeconds(2), 2);
    }

    @AfterAll
    static void stopAll() {
        redis.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        REDIS.close();
    }

    @BeforeEach
    void twoGateways() throws Exception {
        REDIS.start();
        send(Request.cmd(Command.FLUSHALL));
        gateways.add(start("gw-a"));
        gateways.add(start("gw-b"));
        for (Gateway gateway : gateways) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> get(gateway.api("/snapshots?limit=1")).body().contains("\"complete\":true"));
        }
    }

    @AfterEach
    void stopGateways() throws IOException {
        for (Gateway gateway : gateways) {
            gateway.process().destroyForcibly();
            assertThat(Files.readString(gateway.log(), StandardCharsets.UTF_8)).as("the Redis password never shows")
                    .doesNotContain(PASSWORD);
        }
    }

    @Test
    void aBurstOfPollsToBothReplicasListsEachScopeOncePerIntervalForTheFleet() throws Exception {
        double before = listings();
        long started = System.nanoTime();
        AtomicInteger served = new AtomicInteger();
        List<Thread> pollers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Gateway gateway = gateways.get(t % 2);
            Thread poller = new Thread(() -> {
                while (System.nanoTime() - started < Duration.ofSeconds(12).toNanos()) {
                    try {
                        if (get(gateway.api("/snapshots?limit=5")).statusCode() == 200) {
                            served.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // counted as not served
                    }
                }
            });
            poller.start();
            pollers.add(poller);
        }
        for (Thread poller : pollers) {
            poller.join();
        }
        double window = (System.nanoTime() - started) / 1e9;
        double listed = listings() - before;

        // One listing per scope per interval for the fleet (an interval may be up to the jitter shorter), however
        // many replicas: not the double that two replicas listing on their own make.
        double perScopeMost = Math.ceil(window / (INTERVAL.toMillis() / 1000.0 * (1 - JITTER))) + 1;
        assertThat(listed).as("listings by both replicas in %.1f s: %s", window, listed)
                .isLessThanOrEqualTo(SCOPES * perScopeMost)
                .isGreaterThanOrEqualTo(SCOPES * (Math.floor(window / (INTERVAL.toMillis() / 1000.0)) - 2));
        assertThat(served.get()).as("polls answered").isGreaterThan(100);
        assertThat(listingsOf(gateways.get(0))).as("both replicas list: whoever's tick comes first").isPositive();
        assertThat(listingsOf(gateways.get(1))).isPositive();
    }

    @Test
    void bothReplicasServeTheSamePageWithTheSameEtagFromOneListing() throws Exception {
        assertThat(fleetSum("snapshot_gateway_inventory_adopted_total"))
                .as("scopes one replica listed and the other took over").isPositive();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            HttpResponse<String> a = get(gateways.get(0).api("/snapshots?limit=20"));
            HttpResponse<String> b = get(gateways.get(1).api("/snapshots?limit=20"));
            return a.statusCode() == 200 && a.body().equals(b.body())
                    && a.headers().firstValue("ETag").equals(b.headers().firstValue("ETag"));
        });
        assertThat(get(gateways.get(0).api("/snapshots?limit=20")).headers().firstValue("ETag")).isPresent();
    }

    @Test
    void whenTheLeaseHolderDiesMidListingTheOtherReplicaTakesTheScopeOverWithinTheLeaseTime() throws Exception {
        String leaseKey = "snapshot-gateway:lease:{" + SLOW_SCOPE + "}";
        // whichever replica's tick comes first takes the slow scope's lease, each interval
        String held = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> value(leaseKey), v -> v != null);
        Gateway holder = gateways.stream().filter(g -> held.startsWith(g.name() + "-")).findFirst().orElseThrow();
        Gateway other = gateways.stream().filter(g -> g != holder).findFirst().orElseThrow();
        long fence = Long.parseLong(held.substring(held.lastIndexOf(':') + 1));
        long killed = System.nanoTime();
        holder.process().destroyForcibly().waitFor();

        String next = await().atMost(LEASE.plusSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> value(leaseKey), v -> v != null && v.startsWith(other.name() + "-"));
        Duration takenOver = Duration.ofNanos(System.nanoTime() - killed);

        assertThat(takenOver).as("the dead holder's lease expired, then the next tick took it")
                .isLessThanOrEqualTo(LEASE.plusSeconds(1));
        assertThat(Long.parseLong(next.substring(next.lastIndexOf(':') + 1))).isGreaterThan(fence);
        long version = hashLong("snapshot-gateway:inv:{" + SLOW_SCOPE + "}", "ver");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> hashLong("snapshot-gateway:inv:{" + SLOW_SCOPE + "}", "ver") > version);
    }

    @Test
    void withRedisStoppedBothKeepAnsweringAndTheyShareAgainWhenItReturns() throws Exception {
        REDIS.stop();
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < until) {
            for (Gateway gateway : gateways) {
                HttpResponse<String> answer = get(gateway.api("/snapshots?limit=5"));
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).contains("\"complete\":true");
            }
        }
        for (Gateway gateway : gateways) {
            PrometheusText metrics = scrape(gateway);
            assertThat(sum(metrics, "snapshot_gateway_redis_available")).isZero();
            assertThat(sum(metrics, "snapshot_gateway_redis_fallbacks_total")).as("listed locally").isPositive();
            assertThat(get(URI.create("http://127.0.0.1:" + gateway.management() + "/q/health/ready")).statusCode())
                    .isEqualTo(200);
        }

        double adoptedBefore = fleetSum("snapshot_gateway_inventory_adopted_total");
        REDIS.start();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (Gateway gateway : gateways) {
                assertThat(sum(scrape(gateway), "snapshot_gateway_redis_available")).isOne();
            }
            assertThat(send(Request.cmd(Command.KEYS).arg("snapshot-gateway:inv:*")).size())
                    .as("every scope published to the Redis that came back empty").isEqualTo(SCOPES);
        });
        // the Redis that came back is empty: versions count from 1 again, and replicas still take each other's
        await().atMost(Duration.ofSeconds(15))
                .until(() -> fleetSum("snapshot_gateway_inventory_adopted_total") >= adoptedBefore + SCOPES);
        for (Gateway gateway : gateways) {
            String log = Files.readString(gateway.log(), StandardCharsets.UTF_8);
            assertThat(log).contains("Redis failed").contains("Redis answers again");
        }
    }

    private Gateway start(String name) throws IOException {
        assertThat(JAR).as("package ran before this test").exists();
        int port = freePort();
        int management = freePort();
        Path log = dir.resolve(name + ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=demo", "-Dsimulator.port=" + simulatorPort, "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + management,
                "-Dgateway.inventory.refresh-interval=" + INTERVAL.toMillis() + "ms",
                "-Dgateway.inventory.jitter=" + JITTER, "-Dgateway.inventory.tick=200ms",
                "-Dgateway.redis.lease-time=" + LEASE.toMillis() + "ms", "-jar", JAR.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("GATEWAY_REDIS_URL", REDIS.url(), "HOSTNAME", name));
        return new Gateway(name, builder.start(), port, management, log);
    }

    /** Whole vendor listings both replicas made so far. */
    private double listings() throws Exception {
        return fleetSum("snapshot_gateway_vendor_fetch_seconds_count");
    }

    /** Every series of {@code name}, summed over both replicas' scrapes. */
    private double fleetSum(String name) throws Exception {
        double total = 0;
        for (Gateway gateway : gateways) {
            total += sum(scrape(gateway), name);
        }
        return total;
    }

    private double listingsOf(Gateway gateway) throws Exception {
        return sum(scrape(gateway), "snapshot_gateway_vendor_fetch_seconds_count");
    }

    private PrometheusText scrape(Gateway gateway) throws Exception {
        return new PrometheusText(get(gateway.metrics()).body());
    }

    private static double sum(PrometheusText metrics, String name) {
        return metrics.samples().stream().filter(s -> s.name().equals(name)).mapToDouble(s -> s.value()).sum();
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String value(String key) {
        Response value = send(Request.cmd(Command.GET).arg(key));
        return value == null ? null : value.toString();
    }

    private static long hashLong(String key, String field) {
        Response value = send(Request.cmd(Command.HGET).arg(key).arg(field));
        return value == null ? 0 : value.toLong();
    }

    private static Response send(Request request) {
        return redis.send(request).await().atMost(Duration.ofSeconds(5));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
