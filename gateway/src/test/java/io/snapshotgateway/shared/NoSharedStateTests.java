package io.snapshotgateway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.source.Endpoints;

/** Without {@code gateway.redis.url} there is no Redis client at all: each replica on its own, as before issue 12. */
@QuarkusTest
class NoSharedStateTests {

    @Inject
    SharedRedis shared;

    @Test
    void hasNoClientWhenNoUrlIsConfigured() {
        assertThat(shared.config().url()).isEmpty();
        assertThat(shared.commands()).isEmpty();
    }

    @Test
    void aRedisUrlIsShownWithoutItsPassword() {
        // SharedRedis logs the URL only through Endpoints.redacted
        assertThat(Endpoints.redacted("redis://:s3cret@redis.example:6379/0"))
                .isEqualTo("redis://***@redis.example:6379/0")
                .doesNotContain("s3cret");
        assertThat(Endpoints.redacted("rediss://gateway:s3cret@redis.example:6380")).isEqualTo(
                "rediss://***@redis.example:6380");
    }
}
