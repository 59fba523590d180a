package io.snapshotgateway.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How one source/region fared in one request: the one shape of a 200's {@code sources[]} entries and of the
 * all-sources-failed problem's {@code sources}, so a client reads both with one type. {@code status} is {@code ok}
 * (served: {@code snapshot_count}, {@code cache}, {@code age_seconds}; a {@code problem} too when the latest refresh
 * failed and the last good listing stood in) or {@code failed} (with its {@code problem}). {@code missed_earlier_pages}
 * is true when the scope failed on an earlier page of the walk this page belongs to (absent otherwise). {@code breaker}
 * is the scope's circuit breaker now: closed, open (no vendor calls) or half-open.
 *
 * <p>
 * {@code cache} and {@code breaker} are their wire spellings, not the inventory's and protection's enums: problem
 * documents sit below those layers. The OpenAPI document takes their values from those enums (api/OpenApiContract).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"source", "provider", "region", "project_id", "status", "snapshot_count", "cache", "age_seconds",
        "breaker", "missed_earlier_pages", "problem"})
@Schema(description = "How one source/region fared in this request. The same shape in a 200's sources[] and in the "
        + "all-sources-failed problem's sources.")
public record SourceStatus(
        @Schema(required = true, description = "Configured source name") String source,
        @Schema(required = true, ref = "Provider") String provider,
        @Schema(required = true) String region,
        @Schema(description = "Huawei project id (Huawei sources only)") @JsonProperty("project_id") String projectId,
        @Schema(required = true, enumeration = {
                OK, FAILED},
                description = "ok: served (complete or stale); failed: "
                        + "nothing to serve, see problem") String status,
        @Schema(minimum = "0",
                description = "Snapshots of this scope matching the filters (status ok)") @JsonProperty("snapshot_count") Integer snapshotCount,
        @Schema(description = "hit: from a fresh inventory; miss: "
                + "listed now, nothing was kept yet; stale: the last good listing while refreshes fail; bypass: "
                + "listed now because Cache-Control: no-cache asked (status ok)") String cache,
        @Schema(minimum = "0",
                description = "Age of the listing served (status ok)") @JsonProperty("age_seconds") Long ageSeconds,
        @Schema(description = "The scope's circuit breaker now; open: "
                + "no vendor calls until a probe succeeds") String breaker,
        @Schema(description = "True when this scope failed on an earlier page of this walk, so the walk lacks some "
                + "of its snapshots; absent otherwise") @JsonProperty("missed_earlier_pages") Boolean missedEarlierPages,
        @Schema(description = "Why the scope failed, or (status ok, cache stale) why its last refresh did") SourceProblem problem){

    /** {@code status} of a scope served from its inventory. */
    public static final String OK = "ok";
    /** {@code status} of a scope with nothing to serve. */
    public static final String FAILED = "failed";
}
