package io.snapshotgateway.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** One budget, two replicas (two clients of their own) against a real redis-server. */
class SharedBudgetTests {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final RedisServer redis = new RedisServer();

    private static Vertx vertx;
    private static RedisCommands first;
    private static RedisCommands second;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        first = RedisCommands.connect(vertx, redis.url(), Duration.ofMillis(500), Duration.ofSeconds(1), 2);
        second = RedisCommands.connect(vertx, redis.url(), Duration.ofMillis(500), Duration.ofSeconds(1), 2);
    }

    @AfterAll
    static void disconnect() {
        first.close();
        second.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static String budget(TestInfo test) {
        return test.getTestMethod().orElseThrow().getName();
    }

    private static Optional<Duration> now(RedisCommands replica, String name, double perSecond, int burst) {
        return new SharedBudget(replica, "test:").reserve(name, perSecond, burst, Duration.ZERO).await().atMost(WAIT);
    }

    @Test
    void twoReplicasTogetherGetTheBurstOfOne(TestInfo test) {
        int granted = 0;
        for (int i = 0; i < 10; i++) {
            // alternating, as two replicas' refreshes would; one call a second sustained, so no refill meanwhile
            if (now(i % 2 == 0 ? first : second, budget(test), 1, 5).isPresent()) {
                granted++;
            }
        }

        assertThat(granted).isEqualTo(5);
    }

    @Test
    void callsPastTheBurstWaitInLineAcrossReplicas(TestInfo test) {
        SharedBudget a = new SharedBudget(first, "test:");
        SharedBudget b = new SharedBudget(second, "test:");
        for (int i = 0; i < 2; i++) {
            assertThat(a.reserve(budget(test), 2, 2, Duration.ZERO).await().atMost(WAIT)).hasValue(Duration.ZERO);
        }

        Duration firstInLine = b.reserve(budget(test), 2, 2, Duration.ofSeconds(10)).await().atMost(WAIT)
                .orElseThrow();
        Duration secondInLine = a.reserve(budget(test), 2, 2, Duration.ofSeconds(10)).await().atMost(WAIT)
                .orElseThrow();

        // two calls a second: the third call waits about half a second, the fourth about one (less what the test took)
        assertThat(firstInLine).isBetween(Duration.ofMillis(200), Duration.ofMillis(500));
        assertThat(secondInLine).isBetween(Duration.ofMillis(700), Duration.ofMillis(1000));
        assertThat(b.reserve(budget(test), 2, 2, Duration.ofMillis(900)).await().atMost(WAIT))
                .as("a wait past maxWait reserves nothing").isEmpty();
    }

    @Test
    void aSpentBudgetRefillsAtItsRate(TestInfo test) {
        assertThat(now(first, budget(test), 20, 1)).hasValue(Duration.ZERO);
        assertThat(now(second, budget(test), 20, 1)).isEmpty();

        Pause.millis(80); // 20 a second: one token every 50 ms

        assertThat(now(second, budget(test), 20, 1)).hasValue(Duration.ZERO);
    }

    @Test
    void budgetsOfDifferentSourcesAreIndependent(TestInfo test) {
        assertThat(now(first, budget(test) + "-a", 1, 1)).isPresent();
        assertThat(now(second, budget(test) + "-a", 1, 1)).isEmpty();

        assertThat(now(second, budget(test) + "-b", 1, 1)).isPresent();
    }

    @Test
    void refusesANonsensicalBudget(TestInfo test) {
        SharedBudget budget = new SharedBudget(first, "test:");

        assertThatThrownBy(() -> budget.reserve(budget(test), 0, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> budget.reserve(budget(test), 1, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

}
