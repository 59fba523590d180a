package io.snapshotgateway.api;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiHandler;
import io.snapshotgateway.problem.Problem;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.problem.ProblemWriter;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the OpenAPI document on the public port ({@code /q/openapi}, {@code .json}, {@code .yaml}, {@code ?format=
 * json}): it is the contract callers generate clients from. Quarkus serves the document and Swagger UI on one port,
 * and Swagger UI belongs on the management port (quarkus.smallrye-openapi.management.enabled, the default), so the
 * public route is added here, with Quarkus's own handler. GET and HEAD only: any other method is a 405 problem.
 */
@Singleton
public class PublicOpenApi {
    static final String PATHS = "/q/openapi(\\.json|\\.yaml|\\.yml)?";

    private final ProblemWriter writer;
    private final Handler<RoutingContext> document = new OpenApiHandler(OpenApiConstants.DEFAULT_DOCUMENT_NAME,
            false);

    public PublicOpenApi(ProblemWriter writer) {
        this.writer = writer;
    }

    void install(@Observes Router router) {
        router.routeWithRegex(PATHS).handler(ctx -> {
            HttpMethod method = ctx.request().method();
            if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
                document.handle(ctx);
                return;
            }
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            writer.send(ctx, Problem.of(ProblemType.METHOD_NOT_ALLOWED, "The OpenAPI document is read with GET or "
                    + "HEAD", ctx.normalizedPath()));
        });
    }
}
