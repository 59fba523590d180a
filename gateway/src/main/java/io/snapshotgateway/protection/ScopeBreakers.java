package io.snapshotgateway.protection;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.UpstreamFailure;
import io.snapshotgateway.provider.UpstreamFailures;
import io.snapshotgateway.source.ConfiguredSources;

/**
 * A circuit breaker per scope (SmallRye Fault Tolerance) around each whole listing and instance lookup: after
 * {@code failure-threshold} failures in a row it opens, and for {@code open-for} no call of that scope reaches the
 * vendor (the scope's last inventory is served, stale, with the failure); then one probe is let through (half-open),
 * and its success closes the breaker. Vendor calls of other scopes are not affected.
 */
@ApplicationScoped
public class ScopeBreakers {
    private final Map<Scope, Breaker> breakers = new ConcurrentHashMap<>();
    private final List<Meter> gauges = new ArrayList<>();
    private final ProtectionConfig.Breaker config;
    private final MeterRegistry metrics;

    /** One scope's guard, its state, when it last opened, the failure that opened it, and its transition counters. */
    private static final class Breaker {
        volatile Guard guard;
        volatile BreakerState state = BreakerState.CLOSED;
        volatile long openedAtNanos;
        volatile UpstreamFailure lastFailure;
        final Map<BreakerState, Counter> transitions = new EnumMap<>(BreakerState.class);
    }

    public ScopeBreakers(ProtectionConfig config, ConfiguredSources sources, MeterRegistry metrics) {
        this.config = config.breaker();
        this.metrics = metrics;
        for (Scope scope : sources.scopes()) {
            Breaker breaker = breaker(scope);
            gauges.add(Gauge.builder("snapshot_gateway_vendor_breaker_state", breaker, b -> b.state.ordinal())
                    .description("Circuit breaker of the scope: 0 closed, 1 half-open, 2 open")
                    .tags("provider", scope.provider().id(), "source", scope.source(), "region", scope.region())
                    .register(metrics));
        }
    }

    /** The scope's breaker state now. */
    public BreakerState state(Scope scope) {
        Breaker breaker = breakers.get(scope);
        return breaker == null ? BreakerState.CLOSED : breaker.state;
    }

    /**
     * {@code call} through the scope's breaker, failed with an {@code UPSTREAM_TIMEOUT} saying {@code what} took longer
     * than {@code deadline}: refused at once, as an {@link UpstreamException} naming the failure that opened it, while
     * the breaker is open.
     *
     * <p>
     * The deadline is applied inside the guard: there it cancels the call (its paging included), and the breaker
     * counts the timeout. Outside, it would not cancel anything (the guard passes no cancellation through), and a
     * listing given up would go on asking the vendor for pages. A bound one second later stays outside, for a guard
     * that never answers.
     */
    public <T> Uni<T> guard(Scope scope, Duration deadline, String what, Supplier<Uni<T>> call) {
        Breaker breaker = breaker(scope);
        Supplier<UpstreamException> timedOut = () -> new UpstreamException(UpstreamFailure.of(
                ProblemType.UPSTREAM_TIMEOUT, what + " took longer than gateway.fetch.listing-timeout"));
        return UniGuards.get(breaker.guard, () -> call.get().ifNoItem().after(deadline).failWith(timedOut))
                .onFailure().invoke(f -> UpstreamFailures.recognize(f).ifPresent(known -> breaker.lastFailure = known))
                .onFailure(CircuitBreakerOpenException.class::isInstance)
                .transform(open -> new UpstreamException(refusal(breaker)))
                .ifNoItem().after(deadline.plusSeconds(1)).failWith(timedOut);
    }

    private UpstreamFailure refusal(Breaker breaker) {
        UpstreamFailure last = breaker.lastFailure;
        long openMillis = config.openFor().toMillis();
        long left = Math.max(1, openMillis - Duration.ofNanos(System.nanoTime() - breaker.openedAtNanos).toMillis());
        String why = "circuit breaker open after " + config.failureThreshold() + " failed listings in a row: no "
                + "vendor call for about " + Math.max(1, (left + 999) / 1000) + " s more";
        if (last == null) {
            return UpstreamFailure.of(io.snapshotgateway.problem.ProblemType.UPSTREAM_UNAVAILABLE, why);
        }
        return new UpstreamFailure(last.type(), why + "; last failure: " + last.detail(), last.httpStatus(),
                last.vendorCode(), last.vendorMessage(), last.vendorRequestId(), Duration.ofMillis(left));
    }

    private Breaker breaker(Scope scope) {
        return breakers.computeIfAbsent(scope, s -> {
            Breaker breaker = new Breaker();
            for (BreakerState to : BreakerState.values()) {
                // Registered at zero, so that an alert on their increase holds from the first opening on.
                breaker.transitions.put(to, Counter.builder("snapshot_gateway_vendor_breaker_transitions")
                        .description("Circuit breaker transitions of the scope, by the state entered")
                        .tags("provider", s.provider().id(), "source", s.source(), "region", s.region(),
                                "to", to.name().toLowerCase(Locale.ROOT))
                        .register(metrics));
            }
            breaker.guard = Guard.create().withDescription("vendor listings of " + s.source() + "/" + s.region()
                    + (s.projectId() == null ? "" : "/" + s.projectId()))
                    .withCircuitBreaker()
                    .requestVolumeThreshold(Math.max(1, config.failureThreshold()))
                    .failureRatio(1.0)
                    .delay(config.openFor().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    // the vendor's failures, not the gateway's own refusals, open a breaker
                    .when(f -> UpstreamFailures.recognize(f).isPresent() && !(f instanceof CallBudgetSpent))
                    .onStateChange(state -> changed(s, breaker, state))
                    .done().build();
            return breaker;
        });
    }

    private static void changed(Scope scope, Breaker breaker, CircuitBreakerState state) {
        BreakerState next = switch (state) {
            case CLOSED -> BreakerState.CLOSED;
            case HALF_OPEN -> BreakerState.HALF_OPEN;
            case OPEN -> BreakerState.OPEN;
        };
        if (next == BreakerState.OPEN) {
            breaker.openedAtNanos = System.nanoTime();
        }
        breaker.state = next;
        breaker.transitions.get(next).increment();
        Log.infof("Circuit breaker of %s/%s: %s", scope.source(), scope.region(), next.id());
    }

    @PreDestroy
    void unregister() {
        gauges.forEach(metrics::remove);
    }
}
