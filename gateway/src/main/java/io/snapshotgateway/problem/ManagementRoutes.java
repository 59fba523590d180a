package io.snapshotgateway.problem;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;

/**
 * The management port (health, metrics) reads only: any other method is refused before a handler sees it, with a
 * problem document and Allow, as on the public port.
 */
@Singleton
public class ManagementRoutes {
    private final ProblemWriter writer;

    public ManagementRoutes(ProblemWriter writer) {
        this.writer = writer;
    }

    void install(@Observes ManagementInterface management) {
        management.router().route().order(Integer.MIN_VALUE).handler(ctx -> {
            HttpMethod method = ctx.request().method();
            if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
                ctx.next();
                return;
            }
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            writer.send(ctx, Problem.of(ProblemType.METHOD_NOT_ALLOWED, "The management interface only reads: "
                    + "GET or HEAD", ctx.normalizedPath()));
        });
        writer.installErrorHandlers(management.router());
    }
}
