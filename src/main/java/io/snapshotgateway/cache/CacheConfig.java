package io.snapshotgateway.cache;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.snapshotgateway.Provider;

/** How long listings are served from memory, per provider. */
@ConfigMapping(prefix = "gateway.cache")
public interface CacheConfig {

    /** ECS listings. */
    @WithName("alibaba-ecs")
    Settings alibabaEcs();

    /** EDS listings. */
    @WithName("alibaba-eds")
    Settings alibabaEds();

    /** Huawei Workspace listings. */
    @WithName("huawei-workspace")
    Settings huaweiWorkspace();

    default Settings of(Provider provider) {
        return switch (provider) {
            case ALIBABA_ECS -> alibabaEcs();
            case ALIBABA_EDS -> alibabaEds();
            case HUAWEI_WORKSPACE -> huaweiWorkspace();
        };
    }

    /** The freshness windows of one provider's listings. */
    interface Settings {
        /** Served as a hit while younger than this. Default 60s. */
        @WithDefault("60s")
        Duration ttl();

        /** After the TTL, served at once as stale while one background refresh runs, for this long. Default 60s. */
        @WithName("stale-while-revalidate")
        @WithDefault("60s")
        Duration staleWhileRevalidate();

        /** After the TTL, served as stale when the vendor fails, for this long. Default 10m. */
        @WithName("stale-if-error")
        @WithDefault("10m")
        Duration staleIfError();

        /** Most listings kept (one per source, region, project and pushed-down filters). Default 1000. */
        @WithName("max-entries")
        @WithDefault("1000")
        long maxEntries();
    }
}
