package io.snapshotgateway.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.snapshotgateway.aggregation.PageCursor;
import io.snapshotgateway.aggregation.SnapshotListing;
import io.snapshotgateway.aggregation.SortKey;
import io.snapshotgateway.aggregation.SourceCatalog;
import io.snapshotgateway.problem.ParameterError;
import io.snapshotgateway.problem.Problem;
import io.snapshotgateway.problem.ProblemException;

/** {@code GET /snapshots}: one normalized, merged, sorted listing over every configured source and region. */
@Path("/snapshots")
public class SnapshotResource {
    private static final String INSTANCE = "/snapshots";

    private final SnapshotListing listing;
    private final SourceCatalog catalog;
    private final ObjectMapper json;

    public SnapshotResource(SnapshotListing listing, SourceCatalog catalog, ObjectMapper json) {
        this.listing = listing;
        this.catalog = catalog;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List snapshots of every configured source and region, merged and sorted by create_time",
            description = "Repeat a parameter or separate values with commas for 'any of'. Unknown parameters are "
                    + "refused. Send Cache-Control: no-cache to skip the cache, If-None-Match for a 304.")
    @Parameters({
            @Parameter(name = "provider", in = ParameterIn.QUERY, description = "alibaba-ecs, alibaba-eds, huawei-workspace"),
            @Parameter(name = "source", in = ParameterIn.QUERY, description = "configured source names"),
            @Parameter(name = "region", in = ParameterIn.QUERY, description = "region ids configured for a selected source"),
            @Parameter(name = "snapshot_id", in = ParameterIn.QUERY),
            @Parameter(name = "disk_id", in = ParameterIn.QUERY),
            @Parameter(name = "instance_id", in = ParameterIn.QUERY),
            @Parameter(name = "desktop_id", in = ParameterIn.QUERY),
            @Parameter(name = "name", in = ParameterIn.QUERY, description = "case-insensitive substring"),
            @Parameter(name = "status", in = ParameterIn.QUERY,
                    description = "creating, available, failed, restoring, restore_failed"),
            @Parameter(name = "disk_type", in = ParameterIn.QUERY, description = "system, data"),
            @Parameter(name = "creation_type", in = ParameterIn.QUERY, description = "auto, manual"),
            @Parameter(name = "created_after", in = ParameterIn.QUERY, description = "ISO-8601 instant, inclusive"),
            @Parameter(name = "created_before", in = ParameterIn.QUERY, description = "ISO-8601 instant, exclusive"),
            @Parameter(name = "sort", in = ParameterIn.QUERY, description = "-create_time (default) or create_time"),
            @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1..1000, default 100"),
            @Parameter(name = "page_token", in = ParameterIn.QUERY, description = "next_page_token of the previous page") })
    @APIResponses({
            @APIResponse(responseCode = "200", description = "A page of the merged listing; complete=false if a source failed"),
            @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match"),
            @APIResponse(responseCode = "400", description = "application/problem+json naming every bad parameter"),
            @APIResponse(responseCode = "502", description = "application/problem+json: all sources failed"),
            @APIResponse(responseCode = "503", description = "application/problem+json: all sources throttled; Retry-After"),
            @APIResponse(responseCode = "504", description = "application/problem+json: all sources timed out") })
    public Uni<Response> list(UriInfo uri, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        boolean bypass = cacheControl != null && cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-cache");
        ListingQueryParser.Parsed parsed = ListingQueryParser.parse(uri.getQueryParameters(), bypass);
        List<ParameterError> errors = new java.util.ArrayList<>(parsed.errors());
        errors.addAll(catalog.unknown(parsed.query().selection()));
        SortKey after = null;
        if (parsed.query().pageToken().isPresent()) {
            PageCursor.Decoded decoded = listing.cursor().decode(parsed.query().pageToken().get(),
                    parsed.query().digest());
            boolean queryKnown = errors.isEmpty();
            // With other bad parameters the query is not the one the token was issued for anyway: say only what
            // is wrong with the token itself.
            decoded.rejection().filter(why -> queryKnown || why == PageCursor.Rejection.MALFORMED)
                    .ifPresent(why -> errors.add(new ParameterError("page_token",
                            why == PageCursor.Rejection.OTHER_QUERY
                                    ? "was issued for other filters or sort; repeat the query it came from, or drop it"
                                    : "is not a page token this gateway issued (altered or truncated)")));
            after = decoded.after().orElse(null);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalidParameters(errors, INSTANCE));
        }
        return listing.list(parsed.query(), after).map(result -> {
            if (!result.outcomes().isEmpty() && SourceStatuses.anyListed(result.outcomes()).isEmpty()) {
                SourceStatuses.ProblemAndHeaders failed = SourceStatuses.allFailed(result.outcomes(), INSTANCE);
                throw new ProblemException(failed.problem(), failed.headers());
            }
            SnapshotPage page = new SnapshotPage(result.snapshots(), result.nextPageToken().orElse(null),
                    result.complete(), SourceStatuses.of(result.outcomes()));
            String etag = ETags.of(page, json);
            if (ETags.matches(ifNoneMatch, etag)) {
                return Response.notModified().header(HttpHeaders.ETAG, etag).build();
            }
            return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, etag).build();
        });
    }
}
