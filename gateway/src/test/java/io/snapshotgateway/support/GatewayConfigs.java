package io.snapshotgateway.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.snapshotgateway.Provider;
import io.snapshotgateway.config.GatewayConfig;

/** A {@link GatewayConfig} that holds only sources, for unit tests of what is built from them. */
public final class GatewayConfigs {
    private GatewayConfigs() {
    }

    /** One source as configured. */
    public record Source(Provider provider, List<String> regions, Optional<List<String>> projectIds,
            Optional<String> accessKeyId, Optional<String> accessKeySecret, Optional<String> securityToken,
            Optional<String> endpoint) implements GatewayConfig.Source {
    }

    /** These sources, everything else unset (asking for it fails the test). */
    public static GatewayConfig withSources(Map<String, GatewayConfig.Source> sources) {
        return new GatewayConfig() {
            @Override
            public Map<String, Source> sources() {
                return sources;
            }

            @Override
            public boolean allowNoSources() {
                return false;
            }

            @Override
            public Fetch fetch() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Cursor cursor() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Pages pages() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
