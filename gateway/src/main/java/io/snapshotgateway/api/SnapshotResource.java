package io.snapshotgateway.api;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;

import io.smallrye.mutiny.Uni;
import io.snapshotgateway.access.ApiKeyFilter;
import io.snapshotgateway.access.Caller;
import io.snapshotgateway.access.RequiresApiKey;
import io.snapshotgateway.aggregation.ListingQuery;
import io.snapshotgateway.aggregation.ListingResult;
import io.snapshotgateway.aggregation.ServedScopes;
import io.snapshotgateway.aggregation.SnapshotListing;
import io.snapshotgateway.aggregation.SourceOutcome;
import io.snapshotgateway.aggregation.SourceOutcomes;
import io.snapshotgateway.aggregation.Summary;
import io.snapshotgateway.problem.Problem;
import io.snapshotgateway.problem.ProblemException;
import io.snapshotgateway.problem.ProblemType;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /snapshots} and {@code GET /snapshots/summary}: parse, answer from the inventories, send the rendered
 * answer (reused while nothing it shows changed).
 */
@Path("/snapshots")
@RequiresApiKey
public class SnapshotResource {
    private static final String LISTING = "/snapshots";
    private static final String SUMMARY = "/snapshots/summary";

    private final SnapshotListing listing;
    private final RenderedPages pages;

    public SnapshotResource(SnapshotListing listing, RenderedPages pages) {
        this.listing = listing;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List snapshots of every configured source and region, merged and sorted by create_time",
            description = "Answered from each scope's in-memory inventory. Repeat a parameter or separate values with "
                    + "commas for 'any of'. Unknown parameters are refused. Cache-Control: no-cache asks for a refresh "
                    + "of the selected scopes (rate-limited per scope); If-None-Match answers 304.")
    @Parameters({
            @Parameter(name = "provider", in = ParameterIn.QUERY,
                    description = "alibaba-ecs, alibaba-eds, huawei-workspace"),
            @Parameter(name = "source", in = ParameterIn.QUERY, description = "configured source names"),
            @Parameter(name = "region", in = ParameterIn.QUERY,
                    description = "region ids configured for a selected source"),
            @Parameter(name = "snapshot_id", in = ParameterIn.QUERY),
            @Parameter(name = "disk_id", in = ParameterIn.QUERY),
            @Parameter(name = "instance_id", in = ParameterIn.QUERY,
                    description = "ECS instance ids (at most gateway.inventory.instance-lookup.max-values)"),
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
            @Parameter(name = "page_token", in = ParameterIn.QUERY,
                    description = "next_page_token of the previous page")})
    @APIResponses({
            @APIResponse(responseCode = "200", description = "A page of the merged listing; complete=false if a source "
                    + "failed, now or on an earlier page of the walk",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SnapshotPage.class))),
            @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match"),
            @APIResponse(responseCode = "400", description = "application/problem+json naming every bad parameter"),
            @APIResponse(responseCode = "502", description = "application/problem+json: all sources failed"),
            @APIResponse(responseCode = "503",
                    description = "application/problem+json: all sources throttled; Retry-After"),
            @APIResponse(responseCode = "504", description = "application/problem+json: all sources timed out")})
    public Uni<Response> list(UriInfo uri, RoutingContext context,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        SnapshotListing.Checked checked = accepted(uri, context, cacheControl, ListingQueryParser.LISTING, LISTING);
        ListingQuery query = checked.query();
        return answer(query, "page", query.limit(), query.pageToken().orElse(""), served -> {
            ListingResult result = listing.page(checked, served);
            failIfNothingAnswered(result.outcomes(), LISTING);
            return pages.page(result);
        }, ifNoneMatch, acceptEncoding);
    }

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Counts of the snapshots a listing query matches, by provider, source, region, status, "
            + "disk type and creation type, with their total size and oldest and newest creation time",
            description = "Takes the parameters of GET /snapshots except limit and page_token.")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The counts; complete=false if a source failed",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SummaryBody.class))),
            @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match"),
            @APIResponse(responseCode = "400", description = "application/problem+json naming every bad parameter"),
            @APIResponse(responseCode = "502", description = "application/problem+json: all sources failed")})
    public Uni<Response> summary(UriInfo uri, RoutingContext context,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        ListingQuery query = accepted(uri, context, cacheControl, ListingQueryParser.SUMMARY, SUMMARY).query();
        return answer(query, "summary", 0, "", served -> {
            Summary summary = listing.summarize(query, served);
            failIfNothingAnswered(summary.outcomes(), SUMMARY);
            return pages.summary(summary);
        }, ifNoneMatch, acceptEncoding);
    }

    /** Serves the query's scopes, then the answer rendered for them earlier, or renders it now. */
    private Uni<Response> answer(ListingQuery query, String kind, int limit, String pageToken,
            Function<ServedScopes, RenderedPage> render, String ifNoneMatch, String acceptEncoding) {
        String digest = query.digest();
        return listing.serve(query).map(served -> {
            RenderedPage page = pages.get(new RenderedPages.Key(kind, digest, limit, pageToken, served.stamp()),
                    () -> render.apply(served));
            return pages.respond(page, served.views(), ifNoneMatch, acceptEncoding);
        });
    }

    /**
     * The query, parsed within what the caller's key may see and checked by the listing; refused as a problem (403
     * before 400) when anything is wrong with it. {@code no-cache} from a key that may not force refreshes is served
     * from the inventory, as an HTTP cache may.
     */
    private SnapshotListing.Checked accepted(UriInfo uri, RoutingContext context, String cacheControl,
            Set<String> known, String instance) {
        Caller caller = ApiKeyFilter.caller(context);
        ListingQueryParser.Parsed parsed = ListingQueryParser.parse(uri.getQueryParameters(), known, instance,
                caller.mayForceRefresh() && CacheDirectives.noCache(cacheControl), caller.grant());
        SnapshotListing.Checked checked = listing.check(parsed.query(), parsed.errors());
        if (!checked.forbidden().isEmpty()) {
            throw new ProblemException(Problem.withErrors(ProblemType.FORBIDDEN, checked.forbidden(), instance));
        }
        if (!checked.errors().isEmpty()) {
            throw new ProblemException(Problem.invalidParameters(checked.errors(), instance));
        }
        return checked;
    }

    private void failIfNothingAnswered(List<SourceOutcome> outcomes, String instance) {
        if (SourceOutcomes.allFailed(outcomes)) {
            SourceStatuses.ProblemAndHeaders failed = pages.allFailed(outcomes, instance);
            throw new ProblemException(failed.problem(), failed.headers());
        }
    }
}
