package io.snapshotgateway.problem;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Serves the short human-readable page behind each problem {@code type}. */
@Path("/problems")
@Tag(name = "problems", description = "What each problem type means")
public class ProblemTypeResource {

    @GET
    @Path("{slug}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "explainProblemType", summary = "Explain a problem type",
            description = "The page behind a problem document's type: its title, status and what to do. Needs no "
                    + "API key.")
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", description = "The explanation",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING),
                    example = "Invalid request parameter (HTTP 400)\n\nA query parameter or page token was not valid."))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "500", ref = "InternalError")
    public String explain(@Parameter(description = "The last segment of a problem type, e.g. invalid-parameter",
            schema = @Schema(type = SchemaType.STRING,
                    pattern = "^[a-z]+(-[a-z]+)*$")) @PathParam("slug") String slug) {
        ProblemType type = ProblemType.fromSlug(slug).orElseThrow(() -> new ProblemException(
                Problem.of(ProblemType.NOT_FOUND, "No problem type named " + slug, "/problems/" + slug)));
        return type.title() + " (HTTP " + type.status() + ")\n\n" + type.explanation() + "\n";
    }
}
