package io.snapshotgateway.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.snapshotgateway.support.Pause;
import io.snapshotgateway.support.RedisServer;
import io.vertx.core.Vertx;

/** Leases against a real redis-server: two replicas are two {@link Leases} with different holder names. */
class LeasesTests {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration LONG = Duration.ofSeconds(30);

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    private static Vertx vertx;
    private static RedisCommands commands;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        commands = RedisCommands.connect(vertx, redis.url(), Duration.ofMillis(500), Duration.ofSeconds(1), 4);
    }

    @AfterAll
    static void disconnect() {
        commands.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static Leases replica(String holder) {
        return new Leases(commands, "test:", holder);
    }

    private static String scope(TestInfo test) {
        return test.getTestMethod().orElseThrow().getName();
    }

    @Test
    void ofTwoReplicasAskingForOneScopeExactlyOneGetsIt(TestInfo test) {
        Optional<Lease> a = replica("a").tryAcquire(scope(test), LONG).await().atMost(WAIT);
        Optional<Lease> b = replica("b").tryAcquire(scope(test), LONG).await().atMost(WAIT);

        assertThat(a).hasValueSatisfying(lease -> {
            assertThat(lease.fence()).isEqualTo(1);
            assertThat(lease.token()).isEqualTo("a:1");
        });
        assertThat(b).isEmpty();
    }

    @Test
    void aReleasedLeaseGoesToTheNextAskerWithTheNextFence(TestInfo test) {
        Lease a = replica("a").tryAcquire(scope(test), LONG).await().atMost(WAIT).orElseThrow();

        assertThat(replica("a").release(a).await().atMost(WAIT)).isTrue();

        assertThat(replica("b").tryAcquire(scope(test), LONG).await().atMost(WAIT))
                .hasValueSatisfying(b -> assertThat(b.fence()).isEqualTo(a.fence() + 1));
    }

    @Test
    void aLeaseNotRenewedExpiresAndAnotherReplicaTakesItOver(TestInfo test) {
        Lease a = replica("a").tryAcquire(scope(test), Duration.ofMillis(300)).await().atMost(WAIT).orElseThrow();
        assertThat(replica("b").tryAcquire(scope(test), LONG).await().atMost(WAIT)).isEmpty();

        Optional<Lease> b = await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> replica("b").tryAcquire(scope(test), LONG).await().atMost(WAIT), Optional::isPresent);

        assertThat(b.orElseThrow().fence()).isGreaterThan(a.fence());
    }

    @Test
    void aRenewedLeaseOutlivesItsFirstTerm(TestInfo test) {
        Leases a = replica("a");
        Lease lease = a.tryAcquire(scope(test), Duration.ofMillis(400)).await().atMost(WAIT).orElseThrow();

        for (int i = 0; i < 4; i++) {
            Pause.millis(200);
            assertThat(a.renew(lease, Duration.ofMillis(400)).await().atMost(WAIT)).isTrue();
        }

        // 800 ms after it was taken with 400: only the renewals keep it
        assertThat(replica("b").tryAcquire(scope(test), LONG).await().atMost(WAIT)).isEmpty();
    }

    @Test
    void aStaleHolderCanNeitherRenewNorReleaseItsSuccessorsLease(TestInfo test) {
        Leases a = replica("a");
        Lease stale = a.tryAcquire(scope(test), Duration.ofMillis(100)).await().atMost(WAIT).orElseThrow();
        Pause.millis(250);
        Lease current = replica("b").tryAcquire(scope(test), LONG).await().atMost(WAIT).orElseThrow();

        assertThat(a.renew(stale, LONG).await().atMost(WAIT)).isFalse();
        assertThat(a.release(stale).await().atMost(WAIT)).isFalse();

        assertThat(a.tryAcquire(scope(test), LONG).await().atMost(WAIT)).as("b still holds it").isEmpty();
        assertThat(replica("b").renew(current, LONG).await().atMost(WAIT)).isTrue();
    }

    @Test
    void theSameHolderNameAfterARestartDoesNotMakeTheOldTokenValid(TestInfo test) {
        // a replica restarted under the same pod name: its previous incarnation's lease must not count as its own
        Lease before = replica("pod-0").tryAcquire(scope(test), Duration.ofMillis(100)).await().atMost(WAIT)
                .orElseThrow();
        Pause.millis(250);
        Lease after = replica("pod-0").tryAcquire(scope(test), LONG).await().atMost(WAIT).orElseThrow();

        assertThat(after.token()).isNotEqualTo(before.token());
        assertThat(replica("pod-0").release(before).await().atMost(WAIT)).isFalse();
        assertThat(replica("pod-0").renew(after, LONG).await().atMost(WAIT)).isTrue();
    }

    @Test
    void withRedisDownALeaseFailsWithinTheCommandTimeoutAndWorksAgainWhenRedisIsBack(TestInfo test) {
        redis.stop();
        try {
            long start = System.nanoTime();
            Throwable failure = catchFailure(() -> replica("a").tryAcquire(scope(test), LONG).await().atMost(WAIT));
            assertThat(failure).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        } finally {
            redis.start();
        }

        Optional<Lease> lease = await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> replica("a").tryAcquire(scope(test), LONG).await().atMost(WAIT), Optional::isPresent);
        assertThat(lease.orElseThrow().fence()).isPositive();
    }

    private static Throwable catchFailure(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

}
