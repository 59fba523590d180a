package io.snapshotgateway.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapshotgateway.config.GatewayConfig;
import io.snapshotgateway.provider.Scope;

/**
 * The configured sources by their public name. A name is the configuration key with {@code .} and {@code _} read as
 * {@code -}: environment variables cannot spell a dash in a map key, so {@code GATEWAY_SOURCES__ALIBABA_PROD__REGIONS}
 * (key {@code alibaba.prod}) and {@code gateway.sources.alibaba-prod.regions} both configure {@code alibaba-prod}.
 */
@ApplicationScoped
public class ConfiguredSources {
    private final Map<String, GatewayConfig.Source> byName;
    private final Map<String, String> keyByName;
    private final List<Scope> scopes;

    public ConfiguredSources(GatewayConfig config) {
        Map<String, GatewayConfig.Source> sources = new TreeMap<>();
        Map<String, String> keys = new TreeMap<>();
        config.sources().forEach((key, source) -> {
            String name = nameOf(key);
            if (keys.containsKey(name)) {
                throw new IllegalStateException("Invalid source configuration: gateway.sources." + keys.get(name)
                        + " and gateway.sources." + key + " both name the source '" + name + "'");
            }
            keys.put(name, key);
            sources.put(name, source);
        });
        this.byName = Collections.unmodifiableMap(sources);
        this.keyByName = Collections.unmodifiableMap(keys);
        this.scopes = listScopes();
    }

    static String nameOf(String key) {
        return key.toLowerCase(Locale.ROOT).replace('.', '-').replace('_', '-');
    }

    /** Sources by public name, sorted. */
    public Map<String, GatewayConfig.Source> all() {
        return byName;
    }

    public Optional<GatewayConfig.Source> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The project id configured for a region of a source ({@code project-ids=region:id,...}), if any. A malformed
     * pair is ignored here and reported by {@link SourcesValidator}.
     */
    public Optional<String> projectId(String name, String region) {
        return get(name).flatMap(s -> projectIds(s).entrySet().stream()
                .filter(e -> e.getKey().equals(region)).map(Map.Entry::getValue).findFirst());
    }

    static Map<String, String> projectIds(GatewayConfig.Source source) {
        Map<String, String> ids = new TreeMap<>();
        source.projectIds().orElse(List.of()).forEach(pair -> {
            int colon = pair.indexOf(':');
            if (colon > 0 && colon < pair.length() - 1) {
                ids.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
            }
        });
        return ids;
    }

    /** Every configured (source, region, project) scope, by source then region. */
    public List<Scope> scopes() {
        return scopes;
    }

    private List<Scope> listScopes() {
        List<Scope> scopes = new ArrayList<>();
        byName.forEach((name, source) -> source.regions().forEach(region -> scopes
                .add(new Scope(name, source.provider(), region, projectId(name, region).orElse(null)))));
        scopes.sort(Comparator.comparing(Scope::source).thenComparing(Scope::region));
        return List.copyOf(scopes);
    }

    /** The configuration key a source was given under, for error messages that name the key to fix. */
    public String key(String name) {
        return keyByName.getOrDefault(name, name);
    }
}
