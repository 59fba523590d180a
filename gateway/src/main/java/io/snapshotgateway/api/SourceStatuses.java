package io.snapshotgateway.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.snapshotgateway.aggregation.SourceOutcome;
import io.snapshotgateway.inventory.ScopeView;
import io.snapshotgateway.problem.Problem;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.problem.SourceProblem;
import io.snapshotgateway.problem.SourceStatus;
import io.snapshotgateway.protection.BreakerState;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamFailure;

/**
 * Renders per-scope outcomes as {@code sources[]} entries and, when nothing answered, as one problem whose
 * {@code sources} are the same entries.
 */
final class SourceStatuses {
    /** Vendor guidance is to wait 2–5 s after throttling when the vendor does not say. */
    static final long DEFAULT_RETRY_AFTER_SECONDS = 5;

    private SourceStatuses() {
    }

    static List<SourceStatus> of(List<SourceOutcome> outcomes) {
        return outcomes.stream().map(SourceStatuses::of).toList();
    }

    static SourceStatus of(SourceOutcome outcome) {
        Scope s = outcome.scope();
        Boolean missed = outcome.missedEarlierPages() ? Boolean.TRUE : null;
        if (outcome instanceof SourceOutcome.Listed l) {
            return new SourceStatus(s.source(), s.provider().id(), s.region(), s.projectId(), SourceStatus.OK,
                    l.matched(), l.cache().id(), l.ageSeconds(), null, missed,
                    l.problem().map(f -> problem(s, f)).orElse(null));
        }
        SourceOutcome.Failed f = (SourceOutcome.Failed) outcome;
        return new SourceStatus(s.source(), s.provider().id(), s.region(), s.projectId(), SourceStatus.FAILED, null,
                null, null, null, missed, problem(s, f.failure()));
    }

    /** The entry without what changes while the data does not (cache, age, breaker): what ETags cover. */
    static SourceStatus content(SourceStatus s) {
        return new SourceStatus(s.source(), s.provider(), s.region(), s.projectId(), s.status(), s.snapshotCount(),
                null, null, null, s.missedEarlierPages(), s.problem());
    }

    private static SourceStatus withBreaker(SourceStatus s, BreakerState breaker) {
        return new SourceStatus(s.source(), s.provider(), s.region(), s.projectId(), s.status(), s.snapshotCount(),
                s.cache(), s.ageSeconds(), breaker.id(), s.missedEarlierPages(), s.problem());
    }

    /**
     * The entries of a page rendered earlier for the same scope views, with this request's cache state and age: the
     * rest cannot differ, since the views' stamps were equal.
     */
    static List<SourceStatus> current(List<SourceStatus> rendered, List<ScopeView> views,
            List<BreakerState> breakers) {
        List<SourceStatus> statuses = new ArrayList<>(rendered.size());
        for (int i = 0; i < rendered.size(); i++) {
            SourceStatus s = rendered.get(i);
            boolean served = views.get(i) instanceof ScopeView.Served;
            statuses.add(new SourceStatus(s.source(), s.provider(), s.region(), s.projectId(), s.status(),
                    s.snapshotCount(), served ? ((ScopeView.Served) views.get(i)).cache().id() : null,
                    served ? ((ScopeView.Served) views.get(i)).ageSeconds() : null, breakers.get(i).id(),
                    s.missedEarlierPages(), s.problem()));
        }
        return statuses;
    }

    static SourceProblem problem(Scope s, UpstreamFailure f) {
        return new SourceProblem(f.type().uri(), f.type().title(), f.type().status(), f.detail(), s.source(),
                s.provider().id(), s.region(), s.projectId(), f.vendorCode(), f.vendorMessage(), f.vendorRequestId(),
                f.retryAfter() == null ? null : retrySeconds(f.retryAfter()));
    }

    /**
     * The answer when every selected scope failed: 504 if all timed out, 503 with Retry-After if all were throttled,
     * else 502. Its {@code sources} are the entries a 200 would have shown, with each scope's breaker state.
     */
    static ProblemAndHeaders allFailed(List<SourceOutcome> outcomes, String instance,
            Function<Scope, BreakerState> breakers) {
        List<SourceOutcome.Failed> failed = outcomes.stream().filter(SourceOutcome.Failed.class::isInstance)
                .map(SourceOutcome.Failed.class::cast).toList();
        List<ProblemType> types = failed.stream().map(f -> f.failure().type()).distinct().toList();
        ProblemType same = types.size() == 1 ? types.get(0) : null;
        int status = same == ProblemType.UPSTREAM_TIMEOUT ? 504 : same == ProblemType.UPSTREAM_THROTTLED ? 503 : 502;
        List<SourceStatus> sources = outcomes.stream().map(o -> withBreaker(of(o), breakers.apply(o.scope())))
                .toList();
        String detail = failed.size() == 1
                ? "The only selected source failed: " + failed.get(0).failure().detail()
                : "All " + failed.size() + " selected source/regions failed"
                        + (same == null ? "" : " (" + same.title().toLowerCase(Locale.ROOT) + ")");
        Problem problem = new Problem(ProblemType.ALL_SOURCES_FAILED.uri(), ProblemType.ALL_SOURCES_FAILED.title(),
                status, detail, instance, List.of(), sources);
        if (status != 503) {
            return new ProblemAndHeaders(problem, Map.of());
        }
        long retry = failed.stream().map(f -> f.failure().retryAfter()).filter(Objects::nonNull)
                .map(SourceStatuses::retrySeconds).max(Long::compare).orElse(DEFAULT_RETRY_AFTER_SECONDS);
        return new ProblemAndHeaders(problem, Map.of("Retry-After", Long.toString(retry)));
    }

    /** A problem with the extra headers it must be sent with. */
    record ProblemAndHeaders(Problem problem, Map<String, String> headers) {
    }

    private static long retrySeconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

}
