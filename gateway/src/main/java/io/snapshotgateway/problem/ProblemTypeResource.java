package io.snapshotgateway.problem;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Serves the short human-readable page behind each problem {@code type}. */
@Path("/problems")
public class ProblemTypeResource {

    @GET
    @Path("{slug}")
    @Produces(MediaType.TEXT_PLAIN)
    public String explain(@PathParam("slug") String slug) {
        ProblemType type = ProblemType.fromSlug(slug).orElseThrow(() -> new ProblemException(
                Problem.of(ProblemType.NOT_FOUND, "No problem type named " + slug, "/problems/" + slug)));
        return type.title() + " (HTTP " + type.status() + ")\n\n" + type.explanation() + "\n";
    }
}
