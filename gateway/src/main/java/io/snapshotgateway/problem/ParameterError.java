package io.snapshotgateway.problem;

/** One bad request parameter and why it was refused. */
public record ParameterError(String parameter, String reason) {
}
