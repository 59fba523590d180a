package io.snapshotgateway.problem;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Writes problem documents from plain Vert.x handlers, where no JAX-RS exception mapper runs. */
@Singleton
public class ProblemWriter {
    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    /** Problem documents for the router's own 404, 405 and 500 answers, instead of bare text or an HTML page. */
    void installErrorHandlers(Router router) {
        router.errorHandler(404, ctx -> send(ctx, Problem.of(ProblemType.NOT_FOUND,
                "No resource at this path", ctx.normalizedPath())));
        router.errorHandler(405, ctx -> send(ctx, Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                "This resource does not answer this method", ctx.normalizedPath())));
        router.errorHandler(500, ctx -> {
            if (ctx.failure() != null) {
                Log.errorf(ctx.failure(), "Unexpected failure on %s", LogValues.of(ctx.normalizedPath()));
            }
            send(ctx, Problem.of(ProblemType.INTERNAL, "The gateway failed unexpectedly; the failure has been logged.",
                    ctx.normalizedPath()));
        });
    }

    public void send(RoutingContext ctx, Problem problem) {
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
