package io.snapshotgateway.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.snapshotgateway.Provider;
import io.snapshotgateway.config.GatewayConfig;

/** Refuses to start with a source configuration that could only fail at request time, naming every bad key. */
@Singleton
public class SourcesValidator {
    private final ConfiguredSources sources;
    private final GatewayConfig config;

    public SourcesValidator(ConfiguredSources sources, GatewayConfig config) {
        this.sources = sources;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        List<String> problems = problems(sources);
        problems.addAll(problems(config.fetch()));
        noSourceProblem(sources, config.allowNoSources()).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            // Thrown at startup: the message is printed as is, one line per bad key.
            throw new IllegalStateException("Invalid source configuration:\n  - " + String.join("\n  - ", problems));
        }
        sources.all().forEach((name, s) -> Log.infof("Source %s: %s in %s%s", name, s.provider(), s.regions(),
                s.endpoint().map(e -> " via " + Endpoints.redacted(e)).orElse("")));
        if (sources.all().isEmpty()) {
            Log.warn("No sources configured (gateway.sources.*) and gateway.allow-no-sources=true: "
                    + "GET /snapshots will list nothing");
        }
    }

    static Optional<String> noSourceProblem(ConfiguredSources sources, boolean allowNoSources) {
        if (!sources.all().isEmpty() || allowNoSources) {
            return Optional.empty();
        }
        return Optional.of("gateway.sources: no source is configured, so this replica would answer every request "
                + "with an empty list. Configure at least one (gateway.sources.<name>.provider, regions, "
                + "access-key-id and access-key-secret; see the README), or set gateway.allow-no-sources=true");
    }

    static List<String> problems(ConfiguredSources sources) {
        List<String> problems = new ArrayList<>();
        sources.all().forEach((name, s) -> {
            if (!name.matches("[a-z0-9][a-z0-9-]*")) {
                problems.add("gateway.sources." + sources.key(name)
                        + ": source names are letters, digits and dashes (or . and _, read as dashes)");
            }
            if (s.regions().isEmpty() || s.regions().stream().anyMatch(String::isBlank)) {
                problems.add(key(sources, name, "regions") + ": at least one region id is required");
            }
            s.regions().stream().filter(r -> !r.isBlank() && !s.provider().regionPattern().matcher(r).matches())
                    .forEach(r -> problems.add(key(sources, name, "regions") + ": '" + r + "' is not a region id "
                            + "of " + s.provider().id() + " (" + s.provider().regionPatternDescription() + ")"));
            if (s.regions().stream().distinct().count() < s.regions().size()) {
                problems.add(key(sources, name, "regions") + ": a region is listed twice");
            }
            if (s.accessKeyId().filter(v -> !v.isBlank()).isEmpty()) {
                problems.add(key(sources, name, "access-key-id") + ": required");
            }
            if (s.accessKeySecret().filter(v -> !v.isBlank()).isEmpty()) {
                problems.add(key(sources, name, "access-key-secret") + ": required");
            }
            s.endpoint().ifPresent(e -> endpointProblem(e).ifPresent(why -> problems.add(key(sources, name,
                    "endpoint") + ": " + why + " (got " + Endpoints.redacted(e) + ")")));
            s.projectIds().orElse(List.of()).stream().filter(p -> !p.matches("\\s*[^:\\s]+\\s*:\\s*[^:\\s]+\\s*"))
                    .forEach(p -> problems.add(key(sources, name, "project-ids") + ": '" + p
                            + "' is not a region:project-id pair"));
            ConfiguredSources.projectIds(s).forEach((region, project) -> {
                if (!PROJECT_ID.matcher(project).matches()) {
                    problems.add(key(sources, name, "project-ids") + ": the project id of " + region
                            + " must be 32 hex digits (Huawei IAM project id)");
                }
            });
            if (s.provider() == Provider.HUAWEI_WORKSPACE) {
                s.regions().stream().filter(r -> !ConfiguredSources.projectIds(s).containsKey(r))
                        .forEach(r -> problems.add(key(sources, name, "project-ids") + ": no project id for region " + r
                                + " (required for huawei-workspace)"));
            }
        });
        return problems;
    }

    /** Huawei IAM project ids: 32 hex digits. They become a URL path segment, so nothing else may pass. */
    static final Pattern PROJECT_ID = Pattern.compile("[0-9a-fA-F]{32}");

    /**
     * What is wrong with an endpoint override, if anything: http(s) only, a host, no userinfo (a secret in a URL ends
     * up in logs), no query or fragment (the signers build those), and {region} only in the host or the path.
     */
    static Optional<String> endpointProblem(String endpoint) {
        String marker = "regionmarker0";
        URI uri;
        try {
            uri = new URI(endpoint.replace("{region}", marker));
        } catch (URISyntaxException bad) {
            return Optional.of("not a URL");
        }
        if (uri.getScheme() == null
                || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            return Optional.of("must not hold user information (user:password@): credentials come from "
                    + "access-key-id and access-key-secret");
        }
        if (uri.getHost() == null) {
            return Optional.of("must name a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("must not have a query or a fragment");
        }
        String outsideHostAndPath = uri.getScheme() + (uri.getPort() == -1 ? "" : Integer.toString(uri.getPort()));
        if (outsideHostAndPath.contains(marker) || uri.getRawPath() != null && uri.getRawPath().contains("..")) {
            return Optional.of("{region} may only appear in the host or the path, and the path may not "
                    + "hold '..'");
        }
        return Optional.empty();
    }

    static List<String> problems(GatewayConfig.Fetch fetch) {
        List<String> problems = new ArrayList<>();
        if (fetch.timeout().isNegative() || fetch.timeout().isZero()) {
            problems.add("gateway.fetch.timeout (env GATEWAY_FETCH_TIMEOUT): must be longer than 0");
        }
        if (fetch.listingTimeout().compareTo(fetch.timeout()) < 0) {
            problems.add("gateway.fetch.listing-timeout (env GATEWAY_FETCH_LISTING_TIMEOUT): must be at least"
                    + " gateway.fetch.timeout");
        }
        Map<String, Integer> atLeastOne = new LinkedHashMap<>();
        atLeastOne.put("concurrency", fetch.concurrency());
        atLeastOne.put("page-concurrency", fetch.pageConcurrency());
        atLeastOne.put("page-size", fetch.pageSize());
        atLeastOne.put("max-pages", fetch.maxPages());
        atLeastOne.forEach((key, value) -> {
            if (value < 1) {
                problems.add("gateway.fetch." + key + " (env GATEWAY_FETCH_"
                        + key.toUpperCase(Locale.ROOT).replace('-', '_') + "): must be at least 1, got "
                        + value);
            }
        });
        return problems;
    }

    /** The property and the environment variable that set it, e.g. {@code gateway.sources.prod.regions (env ...)}. */
    static String key(ConfiguredSources sources, String name, String property) {
        String key = sources.key(name);
        String envProperty = property.toUpperCase(Locale.ROOT).replace('-', '_');
        String env = key.matches("[a-zA-Z0-9]+")
                ? "GATEWAY_SOURCES_" + key.toUpperCase(Locale.ROOT) + "_" + envProperty
                : "GATEWAY_SOURCES__" + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "__"
                        + envProperty;
        return "gateway.sources." + key + "." + property + " (env " + env + ")";
    }
}
