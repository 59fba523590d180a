package io.snapshotgateway.problem;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers problem documents for what never reaches a JAX-RS resource: paths no route serves, and failures in
 * non-REST routes. Without it Vert.x would answer a bare text (or, in dev mode, an HTML page).
 */
@Singleton
public class UnmatchedRouteProblems {
    private final ObjectMapper json;

    public UnmatchedRouteProblems(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(ctx -> send(ctx, Problem.of(ProblemType.NOT_FOUND,
                "No resource at this path", ctx.normalizedPath())));
        router.errorHandler(404, ctx -> send(ctx, Problem.of(ProblemType.NOT_FOUND,
                "No resource at this path", ctx.normalizedPath())));
        router.errorHandler(405, ctx -> send(ctx, Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                "This resource does not answer this method", ctx.normalizedPath())));
        router.errorHandler(500, ctx -> {
            if (ctx.failure() != null) {
                Log.errorf(ctx.failure(), "Unexpected failure on %s", ctx.normalizedPath());
            }
            send(ctx, Problem.of(ProblemType.INTERNAL, "The gateway failed unexpectedly; the failure has been logged.",
                    ctx.normalizedPath()));
        });
    }

    private void send(RoutingContext ctx, Problem problem) {
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        try {
            ctx.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(500).end();
        }
    }
}
