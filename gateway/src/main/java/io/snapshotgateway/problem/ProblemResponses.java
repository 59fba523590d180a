package io.snapshotgateway.problem;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import io.snapshotgateway.observability.RequestIds;

/** Builds the HTTP response for a problem document. */
public final class ProblemResponses {
    private ProblemResponses() {
    }

    public static Response of(Problem problem) {
        return of(problem, Map.of());
    }

    public static Response of(Problem problem, Map<String, String> headers) {
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(RequestIds.current().map(problem::withRequestId).orElse(problem));
        headers.forEach(builder::header);
        return builder.build();
    }
}
