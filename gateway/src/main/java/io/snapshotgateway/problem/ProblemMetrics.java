package io.snapshotgateway.problem;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the problem documents the gateway answers ({@code snapshot_gateway_problems_total{type,status}}), on either
 * port, whatever wrote them: {@link ProblemCounting} sees those of JAX-RS, {@link ProblemWriter} those of the router.
 * Both labels come from {@link ProblemType}, never from the request: a type the gateway does not know is {@code other}.
 */
@Singleton
public class ProblemMetrics {
    static final String NAME = "snapshot_gateway_problems";
    private static final String DESCRIPTION = "Problem documents answered, by problem type and HTTP status";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public ProblemMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Every type at its usual status from the start, so that a rate over them is defined before the first one.
        for (ProblemType type : ProblemType.values()) {
            counter(type.slug(), type.status());
        }
    }

    /** One problem document sent. */
    void count(Problem problem) {
        String type = problem.type() == null || !problem.type().startsWith("/problems/")
                ? "other"
                : ProblemType.fromSlug(problem.type().substring("/problems/".length())).map(ProblemType::slug)
                        .orElse("other");
        counter(type, problem.status() >= 400 && problem.status() <= 599 ? problem.status() : 500).increment();
    }

    private Counter counter(String type, int status) {
        return counters.computeIfAbsent(type + " " + status, k -> Counter.builder(NAME).description(DESCRIPTION)
                .tags("type", type, "status", Integer.toString(status)).register(registry));
    }
}
