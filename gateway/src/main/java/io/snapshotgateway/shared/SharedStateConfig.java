package io.snapshotgateway.shared;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Shared state across replicas on Redis (issue 12). Without {@code url} every replica lists and budgets on its own,
 * exactly as a single replica does, and nothing else here is read.
 */
@ConfigMapping(prefix = "gateway.redis")
public interface SharedStateConfig {

    /**
     * {@code redis://[[user]:password@]host[:port][/db]} (or {@code rediss://} for TLS). No default: unset means no
     * shared state. May carry a password, so it is only ever shown redacted.
     */
    Optional<String> url();

    /** How long one command may take before the caller treats Redis as unavailable and goes local. Default 500ms. */
    @WithDefault("500ms")
    Duration commandTimeout();

    /** How long opening a connection may take. Default 2s. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Connections to Redis at most (one command each at a time; pub/sub will take one of its own). Default 8. */
    @WithDefault("8")
    int maxConnections();

    /**
     * Prefix of every key the gateway writes, so that several gateways (or other applications) can share one Redis
     * database. Default {@code snapshot-gateway:}.
     */
    @WithDefault("snapshot-gateway:")
    String keyPrefix();

    /**
     * How long a replica's refresh lease on a scope lasts unless renewed: another replica takes the scope over at
     * most this long after its holder died. Renewed at a third of it. Default 15s.
     */
    @WithDefault("15s")
    Duration leaseTime();
}
