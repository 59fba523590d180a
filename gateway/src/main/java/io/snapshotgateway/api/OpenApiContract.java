package io.snapshotgateway.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.snapshotgateway.CreationType;
import io.snapshotgateway.DiskType;
import io.snapshotgateway.Provider;
import io.snapshotgateway.SnapshotStatus;
import io.snapshotgateway.aggregation.SortOrder;
import io.snapshotgateway.aggregation.SourceOutcome;
import io.snapshotgateway.inventory.CacheState;
import io.snapshotgateway.problem.ParameterError;
import io.snapshotgateway.problem.Problem;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.problem.RequestTargets;
import io.snapshotgateway.protection.BreakerState;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamFailure;

/**
 * Completes the OpenAPI document with what the code knows and annotations cannot say without writing it twice: the
 * query parameters (names from {@link ListingQueryParser}'s sets, values from the enums, bounds and shapes from the
 * parser), the problem responses with one example per {@link ProblemType} (rendered by the real records, the
 * all-sources-failed ones by {@link SourceStatuses#allFailed}), the API-key security schemes, and the enumerations of
 * {@code SourceStatus}'s wire strings. The bodies' schemas come from the records' annotations; the operations and the
 * statuses they answer from {@link SnapshotResource}'s.
 *
 * <p>
 * It runs at build time, so the document stored for the linters and the one served are the same.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiContract implements OASFilter {
    static final String LIST_OPERATION = "listSnapshots";
    static final String SUMMARY_OPERATION = "summarizeSnapshots";
    /** Security schemes: the same API key, in either header. */
    static final String BEARER = "BearerApiKey";
    static final String API_KEY_HEADER = "ApiKeyHeader";
    /** Reusable responses, by the status they answer. */
    static final String NOT_MODIFIED = "NotModified";
    static final String BAD_REQUEST = "BadRequest";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String FORBIDDEN = "Forbidden";
    static final String NOT_FOUND = "NotFound";
    static final String NOT_ACCEPTABLE = "NotAcceptable";
    static final String TOO_MANY_REQUESTS = "TooManyRequests";
    static final String INTERNAL = "InternalError";
    static final String ALL_FAILED = "AllSourcesFailed";
    static final String ALL_THROTTLED = "AllSourcesThrottled";
    static final String ALL_TIMED_OUT = "AllSourcesTimedOut";

    private static final String LISTING = "/snapshots";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM = SCHEMAS + "Problem";
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        Components components = openApi.getComponents();
        Map<String, Parameter> parameters = parameters();
        parameters.forEach(components::addParameter);
        attachParameters(openApi, LIST_OPERATION, parameters.keySet(), ListingQueryParser.LISTING);
        attachParameters(openApi, SUMMARY_OPERATION, parameters.keySet(), ListingQueryParser.SUMMARY);
        problemResponses(components);
        listingResponses(operation(openApi, LIST_OPERATION));
        listingResponses(operation(openApi, SUMMARY_OPERATION));
        securitySchemes(components);
        sourceStatusValues(components.getSchemas().get("SourceStatus"));
        requestId(components.getSchemas().get("Problem"));
    }

    /**
     * One component per query parameter, in the order operations list them: what {@link ListingQueryParser} accepts,
     * as a schema. Fails the build when these and the parser's parameters differ.
     */
    private static Map<String, Parameter> parameters() {
        Map<String, Parameter> all = new LinkedHashMap<>();
        all.put("provider", list("provider", "Provider ids", enumOf(Provider.values(), Provider::id)));
        all.put("source", list("source", "Configured source names; an unknown one is a 400", shaped("source")));
        all.put("region", list("region", "Region ids; one that no selected source serves is a 400",
                shaped("region")));
        all.put("snapshot_id", list("snapshot_id", "Snapshot ids", shaped("snapshot_id")));
        all.put("disk_id", list("disk_id", "ECS source disk ids", shaped("disk_id")));
        all.put("instance_id", list("instance_id", "ECS instance ids: each (ECS region, instance) is a vendor "
                + "lookup, so at most gateway.inventory.instance-lookup.max-values (20 by default) values, and "
                + "at most instance-lookup.max-per-request lookups; EDS and Workspace snapshots never match",
                shaped("instance_id")));
        all.put("desktop_id", list("desktop_id", "EDS and Workspace desktop ids", shaped("desktop_id")));
        all.put("name", list("name", "Case-insensitive substrings of the snapshot name (any of them matches)",
                shaped("name")));
        all.put("status", list("status", "Normalized statuses (any case)",
                enumOf(SnapshotStatus.values(), SnapshotStatus::id)));
        all.put("disk_type", list("disk_type", "Disk types (any case)", enumOf(DiskType.values(), DiskType::id)));
        all.put("creation_type", list("creation_type", "Creation types (any case)",
                enumOf(CreationType.values(), CreationType::id)));
        all.put("created_after", single("created_after", "Created at or after this instant: ISO-8601 with Z or an "
                + "offset, or a date meaning its UTC midnight; between 1970 and 9999", instant()));
        all.put("created_before", single("created_before", "Created before this instant (exclusive); same forms; "
                + "must be later than created_after", instant()));
        all.put("sort", single("sort", "Newest first (default) or oldest first; ties broken by provider, source, "
                + "region, id",
                enumOf(SortOrder.values(), SortOrder::parameter)
                        .defaultValue(SortOrder.NEWEST_FIRST.parameter())));
        all.put("limit", single("limit", "Snapshots per page", OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ONE)
                .maximum(BigDecimal.valueOf(ListingQueryParser.MAX_LIMIT))
                .defaultValue(ListingQueryParser.DEFAULT_LIMIT)));
        all.put("page_token", single("page_token", "The previous page's next_page_token; valid only with the same "
                + "filters and sort (limit may change)", shaped("page_token")));
        Set<String> single = all.entrySet().stream().filter(e -> e.getValue().getStyle() == null)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        if (!all.keySet().equals(ListingQueryParser.LISTING) || !single.equals(ListingQueryParser.SINGLE_VALUED)) {
            throw new IllegalStateException("the OpenAPI parameters are not the parser's: " + all.keySet());
        }
        return all;
    }

    /** A parameter taking any of several values: comma-separated (or repeated), at most the parser's maximum. */
    private static Parameter list(String name, String description, Schema item) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY)
                .description(description + ". Separate values with commas, or repeat the parameter.")
                .style(Parameter.Style.FORM).explode(false)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(item)
                        .maxItems(ListingQueryParser.MAX_VALUES));
    }

    private static Parameter single(String name, String description, Schema schema) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).description(description)
                .schema(schema);
    }

    private static <E> Schema enumOf(E[] values, Function<E, String> wire) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .enumeration(Arrays.stream(values).map(wire).map(v -> (Object) v).toList());
    }

    /** A free-form value, held to the shape the parser checks (anchored: the parser matches whole values). */
    private static Schema shaped(String parameter) {
        ListingQueryParser.Shape shape = ListingQueryParser.shape(parameter)
                .orElseThrow(() -> new IllegalStateException("no shape for " + parameter));
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .pattern("^(?:" + shape.pattern().pattern() + ")$").description(shape.description());
    }

    private static Schema instant() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).anyOf(List.of(
                OASFactory.createSchema().format("date-time"), OASFactory.createSchema().format("date")))
                .examples(List.of("2026-10-31T00:00:00Z", "2026-10-31"));
    }

    /** The operation's query parameters (by reference, in {@code order}) before the headers it declares itself. */
    private static void attachParameters(OpenAPI openApi, String operationId, Set<String> order, Set<String> names) {
        Operation operation = operation(openApi, operationId);
        List<Parameter> headers = operation.getParameters() == null ? List.of() : operation.getParameters();
        List<Parameter> parameters = new ArrayList<>();
        order.stream().filter(names::contains).forEach(name -> parameters.add(OASFactory.createParameter().ref(name)));
        parameters.addAll(headers);
        operation.setParameters(parameters);
    }

    /**
     * What both listing operations answer besides their 200, stated once: 304, and a problem for each status the
     * request filters, the parser, the key checks and an all-failed listing can end in.
     */
    private static void listingResponses(Operation operation) {
        Map<String, String> byStatus = new LinkedHashMap<>();
        byStatus.put("304", NOT_MODIFIED);
        byStatus.put("400", BAD_REQUEST);
        byStatus.put("401", UNAUTHORIZED);
        byStatus.put("403", FORBIDDEN);
        byStatus.put("406", NOT_ACCEPTABLE);
        byStatus.put("429", TOO_MANY_REQUESTS);
        byStatus.put("500", INTERNAL);
        byStatus.put("502", ALL_FAILED);
        byStatus.put("503", ALL_THROTTLED);
        byStatus.put("504", ALL_TIMED_OUT);
        byStatus.forEach((status, response) -> operation.getResponses().addAPIResponse(status,
                OASFactory.createAPIResponse().ref(response)));
    }

    private static Operation operation(OpenAPI openApi, String operationId) {
        return openApi.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .filter(op -> operationId.equals(op.getOperationId())).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no operation " + operationId + " in " + openApi.getPaths().getPathItems().keySet() + " "
                                + openApi.getComponents().getSchemas().keySet()));
    }

    /**
     * The problem responses, each with the examples of the problem types that answer with its status. The
     * method-not-allowed example goes to the Problem schema: no documented operation answers 405 (any other method on
     * any path does).
     */
    private void problemResponses(Components components) {
        Map<Integer, Map<String, Example>> byStatus = new TreeMap<>();
        for (ProblemType type : ProblemType.values()) {
            Problem problem = example(type);
            if (type == ProblemType.METHOD_NOT_ALLOWED) {
                components.getSchemas().get("Problem").addExample(json.convertValue(problem, Map.class));
                continue;
            }
            Example example = OASFactory.createExample().summary(type.title() + " (" + type.uri() + ")")
                    .value(json.convertValue(problem, Map.class));
            components.addExample(type.slug(), example);
            byStatus.computeIfAbsent(problem.status(), s -> new LinkedHashMap<>()).put(type.slug(),
                    OASFactory.createExample().ref(type.slug()));
        }
        components.addResponse(NOT_MODIFIED, OASFactory.createAPIResponse()
                .description("Not modified: the ETag in If-None-Match is still current").addHeader("ETag", etag()));
        problem(components, BAD_REQUEST, 400, "A bad query parameter or page token (every one is listed in errors), "
                + "or a request the gateway could not read", byStatus);
        problem(components, UNAUTHORIZED, 401, "No API key, or one the gateway does not know", byStatus)
                .addHeader("WWW-Authenticate", header("The Bearer challenge (RFC 6750)"));
        problem(components, FORBIDDEN, 403, "The API key may not see a requested provider, source or region",
                byStatus);
        problem(components, NOT_FOUND, 404, "Nothing at this path", byStatus);
        problem(components, NOT_ACCEPTABLE, 406, "The Accept header asks for a media type the gateway cannot produce",
                byStatus);
        problem(components, TOO_MANY_REQUESTS, 429, "The API key went over its request rate", byStatus)
                .addHeader("Retry-After", retryAfter());
        problem(components, INTERNAL, 500, "A bug in the gateway (logged; no stack trace or secret in the body)",
                byStatus);
        problem(components, ALL_FAILED, 502, "No selected source/region answered (504 when all timed out, 503 when "
                + "all were throttled); sources lists each", byStatus);
        problem(components, ALL_THROTTLED, 503, "Every selected source/region was throttled by its vendor",
                byStatus).addHeader("Retry-After", retryAfter());
        problem(components, ALL_TIMED_OUT, 504, "No selected source/region answered in time", byStatus);
        if (!byStatus.isEmpty()) {
            throw new IllegalStateException("problem examples with no response: " + byStatus.keySet());
        }
    }

    private static APIResponse problem(Components components, String name, int status, String description,
            Map<Integer, Map<String, Example>> byStatus) {
        Map<String, Example> examples = byStatus.remove(status);
        if (examples == null) {
            throw new IllegalStateException("no problem type answers " + status);
        }
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM)).examples(examples)));
        components.addResponse(name, response);
        return response;
    }

    private static Header etag() {
        return header("Weak validator over what the answer shows (not cache or age_seconds)");
    }

    private static Header retryAfter() {
        return OASFactory.createHeader().description("Seconds to wait before trying again")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ONE));
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    /**
     * One realistic document per problem type, made by the code that makes the real ones. The switch has no default,
     * so a new problem type does not compile until it has an example.
     */
    static Problem example(ProblemType type) {
        return switch (type) {
            case INVALID_PARAMETER -> Problem.invalidParameters(List.of(
                    new ParameterError("sort", "must be one of create_time, -create_time"),
                    new ParameterError("limit", "must be an integer from 1 to " + ListingQueryParser.MAX_LIMIT)),
                    LISTING);
            case MALFORMED_REQUEST -> Problem.of(type, RequestTargets.malformation("/snapshots?name=a|b").orElseThrow(),
                    null);
            case UNAUTHORIZED -> Problem.of(type, "No API key: send Authorization: Bearer <key> or X-API-Key: <key>",
                    LISTING);
            case FORBIDDEN -> Problem.withErrors(type, List.of(new ParameterError("source",
                    "'alibaba-prod' is not within this API key's scope")), LISTING);
            case TOO_MANY_REQUESTS -> Problem.of(type, "API key 'grafana' made more than gateway.auth.rate-limit "
                    + "allows; retry in 2 s", LISTING);
            case NOT_FOUND -> Problem.of(type, "No problem type named no-such-type", "/problems/no-such-type");
            case METHOD_NOT_ALLOWED -> Problem.of(type, "This resource does not answer this method", LISTING);
            case NOT_ACCEPTABLE -> Problem.of(type, "The gateway produces application/json only", LISTING);
            case INTERNAL -> Problem.of(type, "The gateway failed unexpectedly; the failure has been logged.", LISTING);
            case ALL_SOURCES_FAILED -> allFailed(failure(ProblemType.UPSTREAM_UNAVAILABLE),
                    failure(ProblemType.UPSTREAM_REJECTED));
            case UPSTREAM_REJECTED, UPSTREAM_THROTTLED, UPSTREAM_UNAVAILABLE, UPSTREAM_TIMEOUT,
                    INVENTORY_OVER_BUDGET ->
                allFailed(failure(type));
        };
    }

    /** A per-source failure as an adapter reports it, in the vendor's words where the vendor answered. */
    private static UpstreamFailure failure(ProblemType type) {
        return switch (type) {
            case UPSTREAM_REJECTED -> new UpstreamFailure(type, "the vendor answered InvalidAccessKeyId.NotFound "
                    + "(HTTP 404)", 404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.",
                    "0D3B2A1C-5E6F-4A7B-8C9D-0E1F2A3B4C5D", null);
            case UPSTREAM_THROTTLED -> new UpstreamFailure(type, "the vendor answered Throttling.User (HTTP 400)",
                    400, "Throttling.User", "Request was denied due to user flow control.",
                    "7E8F9A0B-1C2D-4E3F-9A4B-5C6D7E8F9A0B", Duration.ofSeconds(5));
            case UPSTREAM_UNAVAILABLE -> new UpstreamFailure(type, "the vendor answered ServiceUnavailable (HTTP 503)",
                    503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.",
                    "1A2B3C4D-5E6F-4071-8293-A4B5C6D7E8F9", null);
            case UPSTREAM_TIMEOUT -> UpstreamFailure.of(type, "the vendor did not answer in time");
            case INVENTORY_OVER_BUDGET -> UpstreamFailure.of(type, "the listing would take the inventories past "
                    + "gateway.inventory.max-bytes (209715200 bytes)");
            default -> throw new IllegalArgumentException(type + " is not a per-source problem");
        };
    }

    /** The all-sources-failed document for these failures, one scope each, as the gateway renders it. */
    private static Problem allFailed(UpstreamFailure... failures) {
        String[] regions = {"cn-hangzhou", "cn-shanghai"};
        List<SourceOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < failures.length; i++) {
            outcomes.add(new SourceOutcome.Failed(new Scope("alibaba-prod", Provider.ALIBABA_ECS, regions[i], null),
                    failures[i], false));
        }
        return SourceStatuses.allFailed(outcomes, LISTING, scope -> BreakerState.CLOSED).problem();
    }

    private static void securitySchemes(Components components) {
        String key = "An API key (a random token; the gateway is configured with its SHA-256 only). Required on "
                + "/snapshots when gateway.auth.enabled (prod); send it in one of the two headers.";
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").description(key + " Authorization: Bearer <key>."));
        components.addSecurityScheme(API_KEY_HEADER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                .description(key + " X-API-Key: <key>."));
    }

    /**
     * The wire values of {@code cache} and {@code breaker}: the record holds them as strings (it sits below the
     * inventory and protection layers), the values are those layers' enums.
     */
    private static void sourceStatusValues(Schema sourceStatus) {
        sourceStatus.getProperties().get("cache").enumeration(Arrays.stream(CacheState.values())
                .map(c -> (Object) c.id()).toList());
        sourceStatus.getProperties().get("breaker").enumeration(Arrays.stream(BreakerState.values())
                .map(b -> (Object) b.id()).toList());
    }

    /** Problem documents carry the request's id (X-Request-Id); declared here until the record has it. */
    private static void requestId(Schema problem) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey("request_id")) {
            problem.addProperty("request_id", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .description("The request's X-Request-Id, as sent or as generated, to find it in the logs"));
        }
    }
}
