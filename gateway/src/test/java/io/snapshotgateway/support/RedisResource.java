package io.snapshotgateway.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Redis for a {@code @QuarkusTest} ({@code @WithTestResource(RedisResource.class)}): started on a free port
 * before the application, {@code gateway.redis.url} pointed at it, stopped after the test class.
 */
public class RedisResource implements QuarkusTestResourceLifecycleManager {
    private final RedisServer redis = new RedisServer();

    @Override
    public Map<String, String> start() {
        redis.start();
        return Map.of("gateway.redis.url", redis.url());
    }

    @Override
    public void stop() {
        redis.close();
    }
}
