package io.snapshotgateway.problem;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;

/** The one place where exceptions on the HTTP edge become problem documents. */
public class ProblemMappers {
    /**
     * What every public resource answers: they are all {@code @GET} (ArchitectureTests), and RESTEasy adds HEAD and
     * OPTIONS. RESTEasy's 405 carries no Allow of its own.
     */
    static final String READ_ONLY = "GET, HEAD, OPTIONS";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Problem problem = e.problem().instance() == null ? withInstance(e.problem(), path(uri)) : e.problem();
        if (problem.status() >= 500) {
            Log.warnf("%s %s: %s", problem.status(), problem.type(), LogValues.of(problem.detail()));
        } else {
            // A caller's mistake is not the gateway's: DEBUG, so no caller can fill the log.
            Log.debugf("%s %s: %s", problem.status(), problem.type(), LogValues.of(problem.detail()));
        }
        return ProblemResponses.of(problem, e.headers());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemType type = switch (status) {
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            default -> ProblemType.INVALID_PARAMETER;
        };
        Log.debugf("%d %s on %s", status, type.uri(), LogValues.of(path(uri)));
        Problem problem = Problem.of(type, detailFor(type, status), path(uri));
        if (status == 405) {
            String allow = e.getResponse() == null ? null : e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            return ProblemResponses.of(problem, Map.of(HttpHeaders.ALLOW, allow == null ? READ_ONLY : allow));
        }
        return ProblemResponses.of(problem);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Log.errorf(e, "Unexpected failure on %s", LogValues.of(path(uri)));
        return ProblemResponses.of(Problem.of(ProblemType.INTERNAL,
                "The gateway failed unexpectedly; the failure has been logged.", path(uri)));
    }

    private static String detailFor(ProblemType type, int status) {
        return switch (type) {
            case NOT_FOUND -> "No resource at this path";
            case METHOD_NOT_ALLOWED -> "This resource does not answer this method";
            case NOT_ACCEPTABLE -> "The gateway produces application/json only";
            default -> "The request was not valid (HTTP " + status + ")";
        };
    }

    private static Problem withInstance(Problem p, String instance) {
        return new Problem(p.type(), p.title(), p.status(), p.detail(), instance, p.errors(), p.errorsOmitted(),
                p.sources(), p.requestId());
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
