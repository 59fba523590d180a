package io.snapshotgateway.shared;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.snapshotgateway.source.Endpoints;
import io.vertx.core.Vertx;

/**
 * Redis when {@code gateway.redis.url} is set, nothing otherwise: features ask {@link #commands()} and keep today's
 * single-replica behaviour when it is empty. The client connects on first use, so start-up and readiness never wait
 * for Redis.
 */
@Startup
@ApplicationScoped
public class SharedRedis {
    private final SharedStateConfig config;
    private final Optional<RedisCommands> commands;

    SharedRedis(SharedStateConfig config, Vertx vertx) {
        this.config = config;
        this.commands = config.url().filter(url -> !url.isBlank()).map(url -> {
            Log.infof("Shared state on Redis at %s (key prefix %s)", Endpoints.redacted(url), config.keyPrefix());
            return RedisCommands.connect(vertx, url, config.commandTimeout(), config.connectTimeout(),
                    config.maxConnections());
        });
    }

    /** The client, when shared state is configured. */
    public Optional<RedisCommands> commands() {
        return commands;
    }

    public SharedStateConfig config() {
        return config;
    }

    void close(@Observes ShutdownEvent event) {
        commands.ifPresent(RedisCommands::close);
    }
}
