package io.snapshotgateway.protection;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.snapshotgateway.config.GatewayConfig;
import io.snapshotgateway.limits.TokenBucket;
import io.snapshotgateway.provider.CallGuard;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.shared.SharedBudget;
import io.snapshotgateway.shared.SharedRedis;

/**
 * Every single vendor HTTP call goes through here, per source (one vendor account): it waits its turn in the source's
 * call budget, runs within the source's concurrency bound, and a transient failure is retried within the source's retry
 * budget and the listing's deadline.
 *
 * <p>
 * Libraries: the concurrency bound is SmallRye Fault Tolerance's bulkhead (asynchronous: queued calls wait without a
 * thread); retries are Mutiny's {@code onFailure().retry().when(...)}, because the wait must honour the vendor's
 * Retry-After and the deadline of the listing a call belongs to, which neither library's built-in back-off knows. The
 * budget is {@link TokenBucket}: calls wait for it rather than being refused, which Fault Tolerance's rate limit
 * cannot do. With shared state the budget is the fleet's ({@link SharedBudget}, the same bucket in Redis), so N
 * replicas together stay within one source's budget.
 */
@ApplicationScoped
public class VendorCalls implements CallGuard {
    private final ProtectionConfig config;
    private final Duration listingTimeout;
    private final MeterRegistry metrics;
    private final RetryPolicy policy;
    private final Map<String, SourceLimits> sources = new ConcurrentHashMap<>();
    private final SharedRedis shared;
    /** The fleet's budget per source, with shared state; null without (then only the local bucket counts). */
    private final SharedBudget sharedBudget;

    public VendorCalls(ProtectionConfig config, GatewayConfig gateway, MeterRegistry metrics, SharedRedis shared) {
        this.config = config;
        this.shared = shared;
        this.sharedBudget = shared.commands().map(r -> new SharedBudget(r, shared.config().keyPrefix())).orElse(null);
        this.listingTimeout = gateway.fetch().listingTimeout();
        this.metrics = metrics;
        this.policy = new RetryPolicy(config.retry(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** One source's budget, bound and retry budget, and its counters. */
    private record SourceLimits(TokenBucket budget, Guard bulkhead, RetryBudget retries, Counter calls,
            Counter refused, Map<String, Counter> retried, Counter retriesDenied) {
    }

    /**
     * The calls of one listing (all its pages): they share the listing's deadline, the listing timeout from now.
     */
    @Override
    public Listing listing(Scope scope) {
        return new Listing(limits(scope.source()), scope, System.nanoTime() + listingTimeout.toNanos());
    }

    /** The vendor calls of one listing. */
    public final class Listing implements CallGuard.Listing {
        private final SourceLimits limits;
        private final Scope scope;
        private final long deadlineNanos;

        private Listing(SourceLimits limits, Scope scope, long deadlineNanos) {
            this.limits = limits;
            this.scope = scope;
            this.deadlineNanos = deadlineNanos;
        }

        /** One vendor call ({@code call} makes it when subscribed), budgeted, bounded and retried. */
        @Override
        public <T> Uni<T> call(Supplier<Uni<T>> call) {
            AtomicInteger retry = new AtomicInteger();
            limits.retries().firstAttempt();
            Uni<T> attempt = Uni.createFrom().deferred(() -> paced(call));
            return attempt.onFailure().retry().when(failures -> failures.onItem().transformToUniAndConcatenate(f -> {
                Duration delay = policy.delay(f, retry.incrementAndGet(), untilDeadline());
                if (delay == null) {
                    return Uni.createFrom().failure(f);
                }
                if (!limits.retries().tryRetry()) {
                    limits.retriesDenied().increment();
                    return Uni.createFrom().failure(f);
                }
                String reason = RetryPolicy.transientReason(f).orElse("other");
                // reason: one of RetryPolicy's fixed few (throttled, server_error, connection_reset, other)
                limits.retried().computeIfAbsent(reason, r -> Counter.builder("snapshot_gateway_vendor_retries")
                        .description("Vendor calls retried, by provider, source and what failed")
                        .tags("provider", scope.provider().id(), "source", scope.source(), "reason", r)
                        .register(metrics)).increment();
                return Uni.createFrom().item(retry.get()).onItem().delayIt().by(delay.isZero()
                        ? Duration.ofMillis(1)
                        : delay);
            }));
        }

        private <T> Uni<T> paced(Supplier<Uni<T>> call) {
            if (sharedBudget == null) {
                return afterWait(limits.budget().reserve(System.nanoTime(), untilDeadline()), call);
            }
            if (!shared.available()) {
                shared.fellBack("budget");
                return afterWait(limits.budget().reserve(System.nanoTime(), untilDeadline()), call);
            }
            // One budget for the fleet; when Redis fails, this replica's own bucket (so a Redis outage lets N
            // replicas make up to N budgets' worth of calls: the price of never failing a listing on Redis).
            return shared.observed("budget", sharedBudget.reserve(scope.source(),
                    config.callBudget().callsPerSecond(), config.callBudget().burst(), untilDeadline()))
                    .map(wait -> wait.orElse(null))
                    .onFailure().recoverWithItem(failure -> {
                        shared.fellBack("budget");
                        return limits.budget().reserve(System.nanoTime(), untilDeadline());
                    })
                    .onItem().transformToUni(wait -> afterWait(wait, call));
        }

        /** The call after {@code wait} (null: the budget allows none before the listing's deadline). */
        private <T> Uni<T> afterWait(Duration wait, Supplier<Uni<T>> call) {
            if (wait == null) {
                limits.refused().increment();
                return Uni.createFrom().failure(new CallBudgetSpent(scope.source()));
            }
            Uni<T> bounded = UniGuards.get(limits.bulkhead(), () -> {
                limits.calls().increment();
                return call.get();
            });
            return wait.isZero()
                    ? bounded
                    : Uni.createFrom().voidItem().onItem().delayIt().by(wait).onItem().transformToUni(i -> bounded);
        }

        private Duration untilDeadline() {
            return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
        }
    }

    private SourceLimits limits(String source) {
        return sources.computeIfAbsent(source, s -> new SourceLimits(
                new TokenBucket(config.callBudget().callsPerSecond(), config.callBudget().burst(), System.nanoTime()),
                Guard.create().withDescription("vendor calls of source " + s)
                        .withBulkhead().limit(Math.max(1, config.maxConcurrentCalls())).queueSize(10_000).done()
                        .build(),
                new RetryBudget(config.retry().budgetRatio(), config.retry().budgetReserve()),
                Counter.builder("snapshot_gateway_vendor_calls")
                        .description("Vendor HTTP calls made, retries included, by source").tags("source", s)
                        .register(metrics),
                Counter.builder("snapshot_gateway_vendor_calls_refused")
                        .description("Vendor calls not made: the source's call budget allowed none before the "
                                + "listing's deadline")
                        .tags("source", s).register(metrics),
                new ConcurrentHashMap<>(),
                Counter.builder("snapshot_gateway_vendor_retries_denied")
                        .description("Transient vendor failures not retried because the source's retry budget was "
                                + "spent")
                        .tags("source", s).register(metrics)));
    }
}
