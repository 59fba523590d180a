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
    @Operation(summary = "List snapshots of every configured source and region, merged and sorted by create_time")
    public Uni<Response> list(UriInfo uri, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        boolean bypass = cacheControl != null && cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-cache");
        ListingQueryParser.Parsed parsed = ListingQueryParser.parse(uri.getQueryParameters(), bypass);
        List<ParameterError> errors = new java.util.ArrayList<>(parsed.errors());
        errors.addAll(catalog.unknown(parsed.query().selection()));
        SortKey after = null;
        if (parsed.query().pageToken().isPresent() && errors.isEmpty()) {
            PageCursor.Decoded decoded = listing.cursor().decode(parsed.query().pageToken().get(),
                    parsed.query().digest());
            decoded.rejection().ifPresent(why -> errors.add(new ParameterError("page_token",
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
