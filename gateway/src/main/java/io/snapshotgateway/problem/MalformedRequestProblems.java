package io.snapshotgateway.problem;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.snapshotgateway.GatewayMain;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem documents for requests the router refuses before any resource sees them: a malformed request target, an
 * HTTP/1.1 request without Host, an asterisk-form target ({@code GET *}). What Vert.x's decoder refuses before a router
 * exists (a request line or headers over the limits, a broken request line) cannot be reached: see the README's "HTTP
 * edge".
 */
@Singleton
public class MalformedRequestProblems {
    private final ProblemWriter writer;

    public MalformedRequestProblems(ProblemWriter writer) {
        this.writer = writer;
    }

    void install(@Observes Router router) {
        if (!Boolean.getBoolean(GatewayMain.DISABLE_URI_VALIDATION)) {
            Log.infof("%s is not set: Quarkus answers a malformed request target with an empty 400, not a problem "
                    + "document", GatewayMain.DISABLE_URI_VALIDATION);
        }
        // First of all routes: with Quarkus's own check off, nothing else may see a target java.net.URI refuses.
        router.route().order(Integer.MIN_VALUE).handler(ctx -> RequestTargets.malformation(ctx.request().uri())
                .ifPresentOrElse(reason -> malformed(ctx, reason), ctx::next));
        // The router's own refusals before any route runs: missing Host, a target that is not a path.
        router.route().order(Integer.MIN_VALUE).failureHandler(this::refusedByRouter);
        // A bad % escape in the path fails while the router matches routes: only the router's 400 handler runs.
        router.errorHandler(400, ctx -> malformed(ctx, RequestTargets.malformation(ctx.request().uri())
                .orElse("The request could not be read")));
    }

    private void refusedByRouter(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        String path = req.path();
        if (ctx.statusCode() == 400 && req.version() != HttpVersion.HTTP_1_0 && req.authority() == null) {
            malformed(ctx, req.headers().contains("Host")
                    ? "The Host header is not a valid host[:port]"
                    : "An HTTP/1.1 request must carry a Host header (RFC 9112, section 3.2)");
        } else if (path == null || !path.startsWith("/")) {
            if (req.method() == HttpMethod.OPTIONS && "*".equals(path)) {
                // Well-formed (RFC 9112, 3.2.4), but the gateway describes no server-wide options.
                writer.send(ctx, Problem.of(ProblemType.NOT_FOUND, "The gateway has no server-wide options; ask "
                        + "OPTIONS of a resource, e.g. /snapshots", null));
            } else {
                malformed(ctx, "The request target must be a path starting with '/' (or an absolute URI); '*' is for "
                        + "OPTIONS only");
            }
        } else {
            ctx.next();
        }
    }

    private void malformed(RoutingContext ctx, String reason) {
        Log.debugf("400 malformed request: %s", reason);
        writer.send(ctx, Problem.of(ProblemType.MALFORMED_REQUEST, reason, null));
    }
}
