package io.snapshotgateway.inventory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.snapshotgateway.Provider;

/** How each scope's inventory is kept warm, how long it may be served, and how much memory all of them may take. */
@ConfigMapping(prefix = "gateway.inventory")
public interface InventoryConfig {

    /** How often every scope is listed again. Default 60s. */
    @WithDefault("60s")
    Duration refreshInterval();

    /** Per-provider overrides, keyed by provider id (e.g. {@code alibaba-ecs}). Default: none. */
    Map<String, ProviderSettings> providers();

    /**
     * Each wait is stretched or shrunk by a random fraction up to this, so scopes do not move in lockstep. Default 0.1.
     */
    @WithDefault("0.1")
    double jitter();

    /** Longest a scope's last good listing is served while its refreshes fail; past it the scope fails. Default 10m. */
    @WithDefault("10m")
    Duration maxStaleness();

    /** Wait after a failed refresh, doubled after each further failure. Default 5s. */
    @WithDefault("5s")
    Duration backoffInitial();

    /** Longest wait between two attempts of a failing scope. Default 5m. */
    @WithDefault("5m")
    Duration backoffMax();

    /** {@code Cache-Control: no-cache} refreshes one scope at most once per this. Default 5s. */
    @WithDefault("5s")
    Duration forcedRefreshMinInterval();

    /** Estimated bytes all inventories together may hold. Default: 40% of the JVM's maximum heap. */
    Optional<MemorySize> maxBytes();

    /**
     * List every scope at start and refresh it on schedule. Off, a scope is listed on first use and again only on
     * {@code no-cache}: meant for tests. Default true.
     */
    @WithDefault("true")
    boolean refreshAhead();

    /** How often the scheduler looks for scopes that are due. Default 1s. */
    @WithDefault("1s")
    Duration tick();

    /** ECS {@code instance_id} lookups, the one filter that asks the vendor. */
    InstanceLookup instanceLookup();

    /** Overrides for one provider. */
    interface ProviderSettings {
        /** Refresh interval of this provider's scopes. Default: {@code gateway.inventory.refresh-interval}. */
        Optional<Duration> refreshInterval();
    }

    /** Lookups of the snapshots of one instance in one scope, cached apart from the inventories. */
    interface InstanceLookup {
        /** How long one lookup is reused. Default 60s. */
        @WithDefault("60s")
        Duration ttl();

        /** Most lookups kept. Default 1000. */
        @WithDefault("1000")
        long maxEntries();

        /** Most estimated bytes all kept lookups take. Default 4M. */
        @WithDefault("4M")
        MemorySize maxBytes();

        /** Most {@code instance_id} values one request may name. Default 20. */
        @WithDefault("20")
        int maxValues();

        /** Most (scope, instance) pairs one request may look up: its most vendor listings. Default 60. */
        @WithDefault("60")
        int maxPerRequest();

        /** Most lookups that reach the vendor per minute, all requests together. Default 120. */
        @WithDefault("120")
        int maxPerMinute();
    }

    default Duration refreshInterval(Provider provider) {
        ProviderSettings settings = providers().get(provider.id());
        return settings == null ? refreshInterval() : settings.refreshInterval().orElse(refreshInterval());
    }

    /** The budget in bytes: configured, or 40% of the maximum heap. */
    default long budgetBytes() {
        return maxBytes().map(MemorySize::asLongValue).orElseGet(() -> Runtime.getRuntime().maxMemory() / 5 * 2);
    }
}
