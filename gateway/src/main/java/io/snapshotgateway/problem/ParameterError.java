package io.snapshotgateway.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One bad request parameter and why it was refused. */
@Schema(description = "One bad request parameter and why it was refused")
public record ParameterError(
        @Schema(required = true) String parameter,
        @Schema(required = true) String reason) {
}
