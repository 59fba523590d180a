package io.snapshotgateway.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * The API keys, one block per key under {@code gateway.api-keys.<name>}: the key itself is never configured, only its
 * SHA-256, so that the configuration (and a leaked ConfigMap or Secret) cannot be used to call the gateway.
 */
@ConfigMapping(prefix = "gateway.api-keys")
public interface ApiKeysConfig {
    @WithParentName
    Map<String, Key> keys();

    interface Key {
        /** SHA-256 of the key, 64 hex digits. Required. */
        String sha256();

        /** Providers the key may see, comma-separated. Default: all. */
        Optional<List<String>> providers();

        /** Sources the key may see, comma-separated. Default: all. */
        Optional<List<String>> sources();

        /** Regions the key may see, comma-separated. Default: all. */
        Optional<List<String>> regions();

        /** Whether Cache-Control: no-cache from this key forces refreshes (else it is served from the inventory). */
        @WithDefault("false")
        boolean noCache();
    }
}
