package io.snapshotgateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;
import io.snapshotgateway.inventory.Inventories;
import io.snapshotgateway.inventory.ScopeHealth;

/**
 * Each scope's last success, last failure and inventory age, at {@code /q/health/well}. Always UP: a wellness check
 * informs and never takes a pod out of its Service (a vendor outage is every replica's, and stale data beats none).
 * Alerting on staleness belongs to {@code snapshot_gateway_inventory_age_seconds}.
 */
@Wellness
@ApplicationScoped
public class ScopeRefreshesCheck implements HealthCheck {
    private final Inventories inventories;

    public ScopeRefreshesCheck(Inventories inventories) {
        this.inventories = inventories;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("scope-refreshes").up();
        for (ScopeHealth scope : inventories.health()) {
            response.withData(scope.scope().provider().id() + "/" + scope.scope().source() + "/"
                    + scope.scope().region(), describe(scope));
        }
        return response.build();
    }

    /** One line per scope: health data is flat (string, number or boolean per key). */
    static String describe(ScopeHealth scope) {
        StringBuilder line = new StringBuilder();
        line.append("last_success=").append(scope.lastSuccess() == null ? "never" : scope.lastSuccess());
        if (scope.age() != null) {
            line.append(" age_seconds=").append(scope.age().toSeconds());
        }
        line.append(" last_failure=");
        if (scope.lastFailure() == null) {
            line.append("none");
        } else {
            line.append(scope.lastFailure().at()).append(" (").append(scope.lastFailure().problemType()).append(')');
        }
        return line.toString();
    }
}
