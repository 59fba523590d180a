package io.snapshotgateway.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Whether callers must present an API key, and how often one key may call. */
@ConfigMapping(prefix = "gateway.auth")
public interface AuthConfig {
    /** Whether /snapshots needs an API key. Default true; dev, test and demo turn it off. */
    @WithDefault("true")
    boolean enabled();

    /** Requests per API key (a token bucket per key). */
    @WithName("rate-limit")
    RateLimit rateLimit();

    interface RateLimit {
        /** Requests a second one key may make, sustained. Default 20. */
        @WithName("requests-per-second")
        @WithDefault("20")
        double requestsPerSecond();

        /** Requests one key may make at once after a quiet spell. Default 40. */
        @WithDefault("40")
        int burst();
    }
}
