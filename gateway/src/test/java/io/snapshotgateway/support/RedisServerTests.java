package io.snapshotgateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisServerTests {

    @Test
    void answersOnItsOwnPortAndComesBackOnTheSamePortAfterAStop() {
        RedisServer redis = new RedisServer().start();
        try {
            int port = redis.port();
            assertThat(redis.answersPing()).isTrue();
            assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + port);

            redis.stop();
            assertThat(redis.running()).isFalse();
            assertThat(redis.answersPing()).isFalse();

            redis.start();
            assertThat(redis.port()).isEqualTo(port);
            assertThat(redis.answersPing()).isTrue();
        } finally {
            redis.close();
        }
    }
}
