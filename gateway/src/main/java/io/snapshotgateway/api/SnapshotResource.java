package io.snapshotgateway.api;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "snapshots", description = "Snapshots of every configured source, normalized and merged")
@SecurityRequirement(name = OpenApiContract.BEARER)
@SecurityRequirement(name = OpenApiContract.API_KEY_HEADER)
public class SnapshotResource {
    private static final String LISTING = "/snapshots";
    private static final String SUMMARY = "/snapshots/summary";
    private static final String ETAG = "Weak validator over what the answer shows (not cache or age_seconds): send "
            + "it as If-None-Match";
    private static final String CACHE_CONTROL = "no-cache asks for a refresh of the selected scopes (joined when one "
            + "runs; at most once per gateway.inventory.forced-refresh-min-interval per scope; only for API keys with "
            + "no-cache=true); otherwise the answer comes from memory";
    private static final String IF_NONE_MATCH = "An ETag of an earlier answer: 304 while it is still current";
    private static final String ACCEPT_ENCODING = "gzip for a compressed body";

    private final SnapshotListing listing;
    private final RenderedPages pages;

    public SnapshotResource(SnapshotListing listing, RenderedPages pages) {
        this.listing = listing;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = OpenApiContract.LIST_OPERATION,
            summary = "List snapshots of every configured source and region, merged and sorted by create_time",
            description = "Answered from each scope's in-memory inventory. Repeat a parameter or separate values with "
                    + "commas for 'any of'. Unknown parameters are refused. Cache-Control: no-cache asks for a refresh "
                    + "of the selected scopes (rate-limited per scope); If-None-Match answers 304.")
    @APIResponse(responseCode = "200", description = "A page of the merged listing; complete=false if a source failed, "
            + "now or on an earlier page of the walk",
            headers = @Header(name = HttpHeaders.ETAG,
                    description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SnapshotPage.class)))
    public Uni<Response> list(@Context UriInfo uri, @Context RoutingContext context,
            @Parameter(description = CACHE_CONTROL) @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl,
            @Parameter(description = IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(description = ACCEPT_ENCODING) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
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
    @Operation(operationId = OpenApiContract.SUMMARY_OPERATION,
            summary = "Counts of the snapshots a listing query matches, by provider, source, region, status, "
                    + "disk type and creation type, with their total size and oldest and newest creation time",
            description = "Takes the parameters of GET /snapshots except limit and page_token.")
    @APIResponse(responseCode = "200", description = "The counts; complete=false if a source failed",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SummaryBody.class)))
    public Uni<Response> summary(@Context UriInfo uri, @Context RoutingContext context,
            @Parameter(description = CACHE_CONTROL) @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl,
            @Parameter(description = IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(description = ACCEPT_ENCODING) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
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
