package io.snapshotgateway.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Redis for a {@code @QuarkusTest} ({@code @WithTestResource(RedisResource.class)}): started on a free port
 * before the application, with a password (as a managed Redis has), {@code gateway.redis.url} pointed at it, stopped
 * after the test class.
 */
public class RedisResource implements QuarkusTestResourceLifecycleManager {
    /** The password the server requires: tests check it never shows. */
    public static final String PASSWORD = "redis-test-password-7f3a";

    private final RedisServer redis = new RedisServer().withPassword(PASSWORD);

    @Override
    public Map<String, String> start() {
        redis.start();
        return Map.of("gateway.redis.url", redis.url());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(redis,
                new TestInjector.AnnotatedAndMatchesType(InjectRedis.class, RedisServer.class));
    }

    @Override
    public void stop() {
        redis.close();
    }
}
