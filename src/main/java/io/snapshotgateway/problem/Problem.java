package io.snapshotgateway.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An RFC 9457 problem document as the gateway sends it. Optional members are left out when empty. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "errors", "sources" })
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<ParameterError> errors,
        List<SourceProblem> sources) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, List.of(), List.of());
    }

    public static Problem invalidParameters(List<ParameterError> errors, String instance) {
        String detail = errors.size() == 1
                ? errors.get(0).parameter() + " " + errors.get(0).reason()
                : errors.size() + " invalid parameters: "
                        + String.join(", ", errors.stream().map(ParameterError::parameter).toList());
        return new Problem(ProblemType.INVALID_PARAMETER.uri(), ProblemType.INVALID_PARAMETER.title(),
                ProblemType.INVALID_PARAMETER.status(), detail, instance, List.copyOf(errors), List.of());
    }
}
