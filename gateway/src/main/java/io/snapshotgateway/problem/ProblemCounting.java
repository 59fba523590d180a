package io.snapshotgateway.problem;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts the problem documents JAX-RS answers: those of the exception mappers and of request filters that refuse a
 * request (API keys). The router's own are counted where {@link ProblemWriter} writes them.
 */
public class ProblemCounting {
    private final ProblemMetrics metrics;

    public ProblemCounting(ProblemMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerResponseFilter
    public void count(ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem) {
            metrics.count(problem);
        }
    }
}
