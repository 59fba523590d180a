package io.snapshotgateway.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.snapshotgateway.Provider;
import io.snapshotgateway.aggregation.Selection;
import io.snapshotgateway.limits.TokenBucket;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.source.ConfiguredSources;

/**
 * The configured API keys, checked at start-up, and the lookup of a presented key. Keys are compared by their
 * SHA-256 against every configured hash, without stopping at a match: the time taken says nothing about which
 * key (or how much of one) was right.
 */
@Singleton
public class ApiKeys {
    /** Longest key accepted; anything longer is refused before it is hashed. */
    static final int MAX_KEY_LENGTH = 256;

    private final AuthConfig auth;
    private final List<ApiKey> keys;
    private final List<String> problems;

    public ApiKeys(AuthConfig auth, ApiKeysConfig config, ConfiguredSources sources) {
        this.auth = auth;
        List<String> found = new ArrayList<>();
        List<ApiKey> parsed = new ArrayList<>();
        // Checked first: each key's request budget is built from it, and a bucket refuses a rate it cannot keep.
        if (!rateLimitValid(auth)) {
            found.add("gateway.auth.rate-limit (env GATEWAY_AUTH_RATE_LIMIT_REQUESTS_PER_SECOND, "
                    + "GATEWAY_AUTH_RATE_LIMIT_BURST): requests-per-second must be above 0 and burst at least 1");
        }
        Map<String, String> configuredAs = new TreeMap<>();
        new TreeMap<>(config.keys()).forEach((configured, key) -> {
            // as for sources: a name set from the environment arrives with dots for its dashes
            String name = configured.replace('.', '-').replace('_', '-');
            String other = configuredAs.putIfAbsent(name, configured);
            if (other != null) {
                found.add("gateway.api-keys." + other + " and gateway.api-keys." + configured + " both name the key '"
                        + name + "' (dots and underscores in key names are read as dashes)");
                return;
            }
            parse(configured, name, key, sources, found).ifPresent(parsed::add);
        });
        if (auth.enabled() && config.keys().isEmpty()) {
            found.add("gateway.api-keys.<name>.sha256 (env GATEWAY_API_KEYS_<NAME>_SHA256): at least one API key is "
                    + "required while gateway.auth.enabled is true (README: \"API keys\")");
        }
        this.keys = List.copyOf(parsed);
        this.problems = List.copyOf(found);
    }

    void onStart(@Observes StartupEvent event) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid API key configuration:\n  - " + String.join("\n  - ", problems));
        }
        if (auth.enabled()) {
            Log.infof("API keys required on /snapshots: %d configured (%s)", keys.size(),
                    String.join(", ", keys.stream().map(ApiKey::name).toList()));
        } else {
            Log.warn("gateway.auth.enabled=false: /snapshots answers anyone (dev, test and demo only)");
        }
    }

    public boolean enabled() {
        return auth.enabled();
    }

    /** The key whose SHA-256 matches {@code presented}, if any. */
    Optional<ApiKey> find(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented.getBytes(StandardCharsets.UTF_8));
        ApiKey match = null;
        for (ApiKey key : keys) {
            if (MessageDigest.isEqual(hash, key.sha256()) && match == null) {
                match = key;
            }
        }
        return Optional.ofNullable(match);
    }

    private Optional<ApiKey> parse(String configured, String name, ApiKeysConfig.Key key, ConfiguredSources sources,
            List<String> found) {
        String prefix = "gateway.api-keys." + configured;
        // A name with a dash must be quoted in an environment variable (GATEWAY_API_KEYS__TEAM_ECS__SHA256, read as
        // gateway.api-keys."team.ecs".sha256): GATEWAY_API_KEYS_TEAM_ECS_SHA256 would configure nothing at all.
        String env = name.matches("[a-zA-Z0-9]+")
                ? "GATEWAY_API_KEYS_" + name.toUpperCase(Locale.ROOT) + "_"
                : "GATEWAY_API_KEYS__" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "__";
        int before = found.size();
        if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            found.add(prefix + ": key names are 1 to 63 lowercase letters, digits and dashes (they appear in logs "
                    + "and metrics)");
        }
        String hex = key.sha256().trim().toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            found.add(prefix + ".sha256 (env " + env + "SHA256): must be the SHA-256 of the key, 64 hex digits "
                    + "(README: \"API keys\")");
        }
        Set<Provider> providers = new LinkedHashSet<>();
        key.providers().orElse(List.of()).forEach(id -> Provider.fromId(id.trim()).ifPresentOrElse(providers::add,
                () -> found.add(prefix + ".providers (env " + env + "PROVIDERS): '" + id
                        + "' is not a provider; known: alibaba-ecs, alibaba-eds, huawei-workspace")));
        Set<String> sourceNames = new LinkedHashSet<>();
        key.sources().orElse(List.of()).stream().map(String::trim).forEach(s -> {
            if (sources.get(s).isEmpty()) {
                found.add(prefix + ".sources (env " + env + "SOURCES): '" + s + "' is not a configured source");
            }
            sourceNames.add(s);
        });
        Set<String> regions = new LinkedHashSet<>();
        key.regions().orElse(List.of()).stream().map(String::trim).forEach(r -> {
            if (sources.scopes().stream().map(Scope::region).noneMatch(r::equals)) {
                found.add(prefix + ".regions (env " + env + "REGIONS): '" + r + "' is not a configured region");
            }
            regions.add(r);
        });
        if (found.size() > before || !rateLimitValid(auth)) {
            return Optional.empty();
        }
        Caller caller = new Caller(name, new Selection(providers, sourceNames, regions), key.noCache());
        return Optional.of(new ApiKey(name, HexFormat.of().parseHex(hex), caller, new TokenBucket(
                auth.rateLimit().requestsPerSecond(), auth.rateLimit().burst(), System.nanoTime())));
    }

    private static boolean rateLimitValid(AuthConfig auth) {
        return auth.rateLimit().requestsPerSecond() > 0 && auth.rateLimit().burst() >= 1;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
