package io.snapshotgateway.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether callers must present an API key, and how often one key may call. */
@ConfigMapping(prefix = "gateway.auth")
public interface AuthConfig {
    /** Whether /snapshots needs an API key. Default true; dev, test and demo turn it off. */
    @WithDefault("true")
    boolean enabled();

    /** Requests per API key (a token bucket per key). */
    RateLimit rateLimit();

    interface RateLimit {
        /** Requests a second one key may make, sustained. Default 20. */
        @WithDefault("20")
        double requestsPerSecond();

        /** Requests one key may make at once after a quiet spell. Default 40. */
        @WithDefault("40")
        int burst();
    }
}
