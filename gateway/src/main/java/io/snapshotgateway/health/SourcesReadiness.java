package io.snapshotgateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.snapshotgateway.aggregation.SourceCatalog;

/**
 * Ready once the configuration was validated at startup (startup fails otherwise). It deliberately never calls a
 * vendor: a vendor outage shows up per source in responses, and must not take every pod out of its Service.
 */
@Readiness
@ApplicationScoped
public class SourcesReadiness implements HealthCheck {
    private final SourceCatalog catalog;

    public SourcesReadiness(SourceCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("sources-configured").up()
                .withData("scopes", catalog.all().size())
                .build();
    }
}
