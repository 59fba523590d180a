package io.snapshotgateway.provider.huawei.workspace;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.SnapshotProvider;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.UpstreamFailure;
import io.snapshotgateway.provider.huawei.HuaweiErrors;
import io.snapshotgateway.provider.huawei.HuaweiSigningFilter;
import io.snapshotgateway.provider.support.Paging;
import io.snapshotgateway.provider.support.VendorAdapter;
import io.snapshotgateway.provider.support.VendorAdapters;
import io.snapshotgateway.provider.support.VendorApi;
import io.snapshotgateway.provider.support.VendorQuery;

/** Lists Huawei Cloud Workspace desktop snapshots of one project, walking every offset page. */
@ApplicationScoped
public class WorkspaceSnapshotProvider implements SnapshotProvider {
    /** Workspace's own maximum {@code limit}. */
    static final int MAX_LIMIT = 1000;
    /** Workspace's own maximum {@code offset}: a listing longer than this cannot be paged through. */
    static final int MAX_OFFSET = 20000;

    private static final VendorApi<WorkspaceApi> API = new VendorApi<>(WorkspaceApi.class, MAX_LIMIT,
            WorkspaceEndpoints::host, (key, scope) -> new HuaweiSigningFilter(key, scope.projectId()),
            HuaweiErrors::toException, WorkspaceSnapshotMapper.KEPT_RAW);

    private final VendorAdapter<WorkspaceApi> vendor;

    public WorkspaceSnapshotProvider(VendorAdapters adapters) {
        this.vendor = adapters.of(API);
    }

    @Override
    public Provider provider() {
        return Provider.HUAWEI_WORKSPACE;
    }

    @Override
    public Uni<List<Snapshot>> list(Scope scope) {
        return vendor.numbered(scope, (calls, page) -> page(calls, scope, page * calls.pageSize()),
                s -> WorkspaceSnapshotMapper.toSnapshot(scope, s));
    }

    private static Uni<Paging.NumberedPage<WorkspaceSnapshot>> page(VendorAdapter.Calls<WorkspaceApi> calls,
            Scope scope, int offset) {
        if (offset > MAX_OFFSET) {
            return Uni.createFrom().failure(new UpstreamException(UpstreamFailure.of(ProblemType.UPSTREAM_UNAVAILABLE,
                    "the listing is longer than Workspace can page through (offset above " + MAX_OFFSET + ")")));
        }
        return calls.call(api -> api.listSnapshots(scope.projectId(), parameters(offset, calls.pageSize())))
                .map(RestResponse::getEntity).map(r -> new Paging.NumberedPage<>(r.items(), r.totalCount()));
    }

    static Map<String, String> parameters(int offset, int limit) {
        // Offset pages over an order the vendor does not promise could skip or repeat entries; newest first also
        // matches the gateway's default sort.
        return new VendorQuery<WorkspaceParameter>()
                .put(WorkspaceParameter.OFFSET, offset)
                .put(WorkspaceParameter.LIMIT, limit)
                .put(WorkspaceParameter.SORT_FIELD, "create_time")
                .put(WorkspaceParameter.SORT_TYPE, "DESC")
                .toMap();
    }
}
