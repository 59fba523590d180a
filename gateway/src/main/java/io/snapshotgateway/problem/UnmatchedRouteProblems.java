package io.snapshotgateway.problem;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.ext.web.Router;

/**
 * Answers problem documents for what never reaches a JAX-RS resource on the public port: paths no route serves, and
 * failures in non-REST routes. Without it Vert.x would answer a bare text (or, in dev mode, an HTML page).
 */
@Singleton
public class UnmatchedRouteProblems {
    private final ProblemWriter writer;

    public UnmatchedRouteProblems(ProblemWriter writer) {
        this.writer = writer;
    }

    void install(@Observes Router router) {
        writer.compressProblems(router);
        router.route().order(Integer.MAX_VALUE).handler(ctx -> writer.send(ctx, Problem.of(ProblemType.NOT_FOUND,
                "No resource at this path", ctx.normalizedPath())));
        writer.installErrorHandlers(router);
    }
}
