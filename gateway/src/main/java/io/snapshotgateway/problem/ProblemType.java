package io.snapshotgateway.problem;

import java.util.Arrays;
import java.util.Optional;

/** Every kind of problem the gateway answers with, its HTTP status and the page that explains it. */
public enum ProblemType {
    INVALID_PARAMETER("invalid-parameter", "Invalid request parameter", 400,
            "A query parameter or page token was not valid. The `errors` array names every bad parameter and why."),
    MALFORMED_REQUEST("malformed-request", "Malformed request", 400,
            "The HTTP request itself could not be read: a character in the request target that must be "
                    + "percent-encoded, a % not followed by two hexadecimal digits, no Host header, or a target "
                    + "that is not a path. `detail` says which."),
    UNAUTHORIZED("unauthorized", "Unauthorized", 401,
            "The request carried no API key, or one the gateway does not know."),
    FORBIDDEN("forbidden", "Forbidden", 403,
            "The API key may not see one of the requested providers, sources or regions; `errors` names each. "
                    + "Without those filters, the answer covers everything the key may see."),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429,
            "The API key made more requests than gateway.auth.rate-limit allows. Retry after the number of seconds "
                    + "in Retry-After."),
    NOT_FOUND("not-found", "Not found", 404,
            "No resource lives at this path. The gateway serves GET /snapshots, /snapshots/summary and /q/openapi; "
                    + "health and metrics are on the management port."),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405,
            "The resource exists but does not answer this HTTP method; the Allow header lists those it does."),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406,
            "The Accept header asks for a media type the gateway cannot produce; it speaks application/json."),
    UPSTREAM_REJECTED("upstream-rejected", "Upstream rejected the request", 502,
            "The vendor refused the gateway's call: bad credentials or signature, missing permission, or a vendor "
                    + "parameter it did not accept. Check the source's credentials and RAM/IAM policy; vendor_code "
                    + "says which."),
    UPSTREAM_THROTTLED("upstream-throttled", "Upstream throttled the request", 503,
            "The vendor's rate limit was reached. Retry after the number of seconds in Retry-After."),
    UPSTREAM_UNAVAILABLE("upstream-unavailable", "Upstream unavailable", 502,
            "The vendor answered with a server error, could not be reached, or sent a response the gateway could not "
                    + "read."),
    UPSTREAM_TIMEOUT("upstream-timeout", "Upstream timed out", 504,
            "The vendor did not answer within the configured timeout."),
    INVENTORY_OVER_BUDGET("inventory-over-budget", "Inventory over its memory budget", 503,
            "The source/region's listing is larger than the memory the gateway may spend on inventories "
                    + "(gateway.inventory.max-bytes). Raise the budget (and the heap), or split the source."),
    ALL_SOURCES_FAILED("all-sources-failed", "All sources failed", 502,
            "No selected source or region answered. `sources` lists each one as a 200's `sources[]` would: `status` "
                    + "failed and its `problem`."),
    INTERNAL("internal", "Internal error", 500,
            "The gateway hit a bug. The failure is logged with a correlation; the body never holds a stack trace or "
                    + "a secret.");

    private final String slug;
    private final String title;
    private final int status;
    private final String explanation;

    ProblemType(String slug, String title, int status, String explanation) {
        this.slug = slug;
        this.title = title;
        this.status = status;
        this.explanation = explanation;
    }

    /** The {@code type} member of a problem document: a path on this gateway that explains the problem. */
    public String uri() {
        return "/problems/" + slug;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    public String explanation() {
        return explanation;
    }

    public static Optional<ProblemType> fromSlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
    }
}
