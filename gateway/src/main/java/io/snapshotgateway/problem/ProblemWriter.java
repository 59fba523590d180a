package io.snapshotgateway.problem;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.snapshotgateway.observability.RequestIds;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Writes problem documents from plain Vert.x handlers, where no JAX-RS exception mapper runs. */
@Singleton
public class ProblemWriter {
    private final ObjectMapper json;
    private final ProblemMetrics metrics;

    public ProblemWriter(ObjectMapper json, ProblemMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
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

    /**
     * Lets every problem document be compressed like other JSON. Quarkus marks each response {@code Content-Encoding:
     * identity} (not to be compressed) and lifts the mark for the media types of quarkus.http.compress-media-types
     * only in its own route handlers and RESTEasy's resource answers, not for exception-mapped answers nor for plain
     * router handlers. This lifts it for problem documents wherever they come from.
     */
    void compressProblems(Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> compressible(ctx));
            ctx.next();
        });
    }

    private static void compressible(RoutingContext ctx) {
        String type = ctx.response().headers().get(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.startsWith(Problem.MEDIA_TYPE)
                && "identity".equals(ctx.response().headers().get(HttpHeaders.CONTENT_ENCODING))) {
            ctx.response().headers().remove(HttpHeaders.CONTENT_ENCODING);
            if (!ctx.response().headers().contains(HttpHeaders.VARY)) {
                ctx.response().headers().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            }
        }
    }

    public void send(RoutingContext ctx, Problem problem) {
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        metrics.count(problem);
        try {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
            compressible(ctx);
            ctx.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem.withRequestId(RequestIds.of(ctx))));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(500).end();
        }
    }
}
