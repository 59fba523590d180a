package io.snapshotgateway.provider;

import io.snapshotgateway.GatewayConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.snapshotgateway.Provider;

/** Refuses to start with a source configuration that could only fail at request time, naming every bad key. */
@Singleton
public class SourcesValidator {
    private final GatewayConfig config;

    public SourcesValidator(GatewayConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        List<String> problems = problems(config.sources());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid source configuration:\n  - " + String.join("\n  - ", problems));
        }
        config.sources().forEach((name, s) -> Log.infof("Source %s: %s in %s%s", name, s.provider(), s.regions(),
                s.endpoint().map(e -> " via " + e).orElse("")));
        if (config.sources().isEmpty()) {
            Log.warn("No sources configured (gateway.sources.*): GET /snapshots will list nothing");
        }
    }

    static List<String> problems(Map<String, GatewayConfig.Source> sources) {
        List<String> problems = new ArrayList<>();
        sources.forEach((name, s) -> {
            String prefix = "gateway.sources." + name + ".";
            if (!name.matches("[a-z0-9][a-z0-9-]*")) {
                problems.add("gateway.sources." + name + ": source names are lowercase letters, digits and dashes");
            }
            if (s.regions().isEmpty() || s.regions().stream().anyMatch(String::isBlank)) {
                problems.add(prefix + "regions: at least one region id is required");
            }
            if (s.accessKeyId().filter(v -> !v.isBlank()).isEmpty()) {
                problems.add(prefix + "access-key-id: required");
            }
            if (s.accessKeySecret().filter(v -> !v.isBlank()).isEmpty()) {
                problems.add(prefix + "access-key-secret: required");
            }
            s.endpoint().ifPresent(e -> {
                try {
                    URI uri = URI.create(e.replace("{region}", "region"));
                    if (uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
                        problems.add(prefix + "endpoint: must be an http(s) URL, got " + e);
                    }
                } catch (IllegalArgumentException bad) {
                    problems.add(prefix + "endpoint: not a URL: " + e);
                }
            });
            if (s.provider() == Provider.HUAWEI_WORKSPACE) {
                s.regions().stream().filter(r -> !s.projectIds().containsKey(r))
                        .forEach(r -> problems.add(prefix + "project-ids." + r + ": required for huawei-workspace"));
            }
        });
        return problems;
    }
}
