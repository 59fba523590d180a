package io.snapshotgateway.provider.huawei.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.snapshotgateway.GatewayConfig;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.AccessKey;
import io.snapshotgateway.provider.ConfiguredSources;
import io.snapshotgateway.provider.Endpoints;
import io.snapshotgateway.provider.Listings;
import io.snapshotgateway.provider.Paging;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.SnapshotProvider;
import io.snapshotgateway.provider.SourceCredentials;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.UpstreamFailure;
import io.snapshotgateway.provider.UpstreamErrorMapper;
import io.snapshotgateway.provider.UpstreamFailures;
import io.snapshotgateway.provider.VendorClients;
import io.snapshotgateway.provider.huawei.HuaweiErrors;
import io.snapshotgateway.provider.huawei.HuaweiSigningFilter;
import io.snapshotgateway.protection.VendorCalls;

/** Lists Huawei Cloud Workspace desktop snapshots of one project, walking every offset page. */
@ApplicationScoped
public class WorkspaceSnapshotProvider implements SnapshotProvider {
    /** Workspace's own maximum {@code limit}. */
    static final int MAX_LIMIT = 1000;
    /** Workspace's own maximum {@code offset}: a listing longer than this cannot be paged through. */
    static final int MAX_OFFSET = 20000;

    private final GatewayConfig config;
    private final ConfiguredSources sources;
    private final SourceCredentials credentials;
    private final VendorCalls calls;
    private final Map<String, WorkspaceApi> clients = new ConcurrentHashMap<>();

    public WorkspaceSnapshotProvider(GatewayConfig config, ConfiguredSources sources, SourceCredentials credentials,
            VendorCalls calls) {
        this.config = config;
        this.calls = calls;
        this.sources = sources;
        this.credentials = credentials;
    }

    @Override
    public Provider provider() {
        return Provider.HUAWEI_WORKSPACE;
    }

    @Override
    public Uni<List<Snapshot>> list(Scope scope) {
        WorkspaceApi api = client(scope);
        VendorCalls.Listing listing = calls.listing(scope);
        int limit = Math.min(config.fetch().pageSize(), MAX_LIMIT);
        return Paging.<WorkspaceSnapshot> numbered(page -> page(listing, api, scope, page * limit, limit),
                limit, config.fetch().pageConcurrency(), config.fetch().maxPages())
                .map(items -> items.stream().map(s -> WorkspaceSnapshotMapper.toSnapshot(scope, s)).toList())
                .map(Listings::distinctById)
                .onFailure().transform(UpstreamFailures::asUpstream);
    }

    private Uni<Paging.NumberedPage<WorkspaceSnapshot>> page(VendorCalls.Listing listing, WorkspaceApi api,
            Scope scope, int offset, int limit) {
        if (offset > MAX_OFFSET) {
            return Uni.createFrom().failure(new UpstreamException(UpstreamFailure.of(ProblemType.UPSTREAM_UNAVAILABLE,
                    "the listing is longer than Workspace can page through (offset above " + MAX_OFFSET + ")")));
        }
        return listing.call(() -> api.listSnapshots(scope.projectId(), parameters(offset, limit))
                .ifNoItem().after(config.fetch().timeout()).failWith(TimeoutException::new))
                .map(r -> new Paging.NumberedPage<>(r.items(), r.totalCount()));
    }

    static Map<String, String> parameters(int offset, int limit) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("offset", Integer.toString(offset));
        query.put("limit", Integer.toString(limit));
        // Offset pages over an order the vendor does not promise could skip or repeat entries; newest first also
        // matches the gateway's default sort.
        query.put("sort_field", "create_time");
        query.put("sort_type", "DESC");
        return query;
    }

    private WorkspaceApi client(Scope scope) {
        return clients.computeIfAbsent(scope.source() + "\n" + scope.region() + "\n" + scope.projectId(), k -> {
            GatewayConfig.Source source = sources.get(scope.source()).orElseThrow();
            AccessKey creds = credentials.accessKey(scope.source());
            return VendorClients.build(WorkspaceApi.class,
                    Endpoints.resolve(source.endpoint(), scope.region(), WorkspaceEndpoints.host(scope.region())),
                    config.fetch(), new HuaweiSigningFilter(creds, scope.projectId()),
                    new UpstreamErrorMapper(creds.secrets(), HuaweiErrors::toException));
        });
    }
}
