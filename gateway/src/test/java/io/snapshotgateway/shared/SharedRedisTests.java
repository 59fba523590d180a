package io.snapshotgateway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.support.RedisResource;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

/** With {@code gateway.redis.url} set (a password in it, as a managed Redis has), the application talks to Redis. */
@QuarkusTest
@WithTestResource(RedisResource.class)
class SharedRedisTests {

    @Inject
    SharedRedis shared;

    @Test
    void connectsWithThePasswordInTheUrlAndAnswersCommands() {
        RedisCommands commands = shared.commands().orElseThrow();

        assertThat(commands.send(Request.cmd(Command.PING)).await().atMost(Duration.ofSeconds(5)))
                .hasToString("PONG");
    }

    @Test
    void takesItsDefaultsFromTheMapping() {
        assertThat(shared.config().keyPrefix()).isEqualTo("snapshot-gateway:");
        assertThat(shared.config().leaseTime()).isEqualTo(Duration.ofSeconds(15));
        assertThat(shared.config().commandTimeout()).isEqualTo(Duration.ofMillis(500));
    }
}
