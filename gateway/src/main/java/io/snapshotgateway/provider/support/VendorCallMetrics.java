package io.snapshotgateway.provider.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.snapshotgateway.metrics.SloBuckets;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamFailures;
import io.snapshotgateway.source.ConfiguredSources;

/**
 * What is measured of each vendor HTTP call: its latency by outcome ({@code snapshot_gateway_vendor_call_seconds},
 * buckets in {@link SloBuckets}), and the answers that were throttling signals
 * ({@code snapshot_gateway_vendor_throttled_total}). Labels are the scope's configured provider, source and region,
 * and the outcome is {@code ok} or a problem type: nothing a vendor or a caller sends becomes a label.
 *
 * <p>
 * A call cancelled before it answered (its listing reached its deadline, or a sibling page failed) is not observed:
 * it has no outcome of its own, and the listing's {@code snapshot_gateway_vendor_fetch_seconds} records the failure.
 */
@ApplicationScoped
public class VendorCallMetrics {
    static final String THROTTLED = "snapshot_gateway_vendor_throttled";
    private static final String OK = "ok";

    private final MeterRegistry registry;
    private final Map<Scope, ScopeMeters> scopes = new ConcurrentHashMap<>();

    /** One scope's labels, throttling counter and a timer per outcome seen. */
    private record ScopeMeters(Tags tags, Counter throttled, Map<String, Timer> timers) {
    }

    public VendorCallMetrics(MeterRegistry registry, ConfiguredSources sources) {
        this.registry = registry;
        // Registered at zero from the start, so that a rate over them is defined before the first throttle.
        sources.scopes().forEach(this::meters);
    }

    /** {@code call}, one vendor HTTP call of {@code scope}, timed from its subscription to its answer or failure. */
    public <R> Uni<R> observe(Scope scope, Uni<R> call) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return call.onItemOrFailure()
                    .invoke((item, failure) -> record(scope, failure, System.nanoTime() - started));
        });
    }

    private void record(Scope scope, Throwable failure, long nanos) {
        ScopeMeters meters = meters(scope);
        String outcome = failure == null ? OK : UpstreamFailures.classify(failure).type().slug();
        meters.timers().computeIfAbsent(outcome, o -> Timer.builder(SloBuckets.VENDOR_CALL)
                .description("Vendor HTTP calls (one page, or one page of an instance lookup), by outcome: ok or the "
                        + "problem type the call failed with")
                .tags(meters.tags().and("outcome", o))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        if (ProblemType.UPSTREAM_THROTTLED.slug().equals(outcome)) {
            meters.throttled().increment();
        }
    }

    private ScopeMeters meters(Scope scope) {
        return scopes.computeIfAbsent(scope, s -> {
            Tags tags = Tags.of("provider", s.provider().id(), "source", s.source(), "region", s.region());
            return new ScopeMeters(tags, Counter.builder(THROTTLED)
                    .description("Vendor answers that were throttling signals (Alibaba Throttling*, Huawei "
                            + "APIGW.0308, any HTTP 429), retried or not")
                    .tags(tags).register(registry), new ConcurrentHashMap<>());
        });
    }
}
