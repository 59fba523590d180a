package io.snapshotgateway.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An RFC 9457 problem document as the gateway sends it. Optional members are left out when empty. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors", "errors_omitted", "sources",
        "request_id"})
@Schema(description = "An RFC 9457 problem document (application/problem+json). type is a path on this gateway that "
        + "explains the problem; members other than type, title and status appear only when they apply.")
public record Problem(
        @Schema(required = true, format = "uri-reference", examples = "/problems/invalid-parameter") String type,
        @Schema(required = true) String title,
        @Schema(required = true, minimum = "400", maximum = "599") int status,
        @Schema(required = true, description = "What went wrong with this request") String detail,
        @Schema(format = "uri-reference", description = "The request path") String instance,
        @Schema(description = "invalid-parameter and forbidden: every refused parameter (at most 20)") List<ParameterError> errors,
        @Schema(minimum = "1",
                description = "How many more refused parameters errors leaves out") @JsonProperty("errors_omitted") Integer errorsOmitted,
        @Schema(description = "all-sources-failed: each selected source/region, as a 200's sources[] shows it") List<SourceStatus> sources,
        @Schema(description = "The request's X-Request-Id: quote it to operators to find its log lines") @JsonProperty("request_id") String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /**
     * Most entries of {@code errors} sent; the rest are counted in {@code errors_omitted}. A request naming a
     * thousand bad parameters must not get a thousand-line answer.
     */
    public static final int MAX_ERRORS = 20;

    public Problem(String type, String title, int status, String detail, String instance,
            List<ParameterError> errors, List<SourceStatus> sources) {
        this(type, title, status, detail, instance, errors, null, sources, null);
    }

    /** The same problem, naming the request it answers (the X-Request-Id), so a caller can quote it to operators. */
    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, instance, errors, errorsOmitted, sources, id);
    }

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, List.of(), List.of());
    }

    public static Problem invalidParameters(List<ParameterError> errors, String instance) {
        return withErrors(ProblemType.INVALID_PARAMETER, errors, instance);
    }

    /** A problem about request parameters: the detail names them, {@code errors} says what is wrong with each. */
    public static Problem withErrors(ProblemType type, List<ParameterError> errors, String instance) {
        List<ParameterError> shown = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
        List<String> names = shown.stream().map(ParameterError::parameter).distinct().toList();
        String detail = errors.size() == 1
                ? errors.get(0).parameter() + " " + errors.get(0).reason()
                : errors.size() + " parameters: " + String.join(", ", names)
                        + (errors.size() > shown.size() ? " and " + (errors.size() - shown.size()) + " more" : "");
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, List.copyOf(shown),
                errors.size() > shown.size() ? errors.size() - shown.size() : null, List.of(), null);
    }
}
