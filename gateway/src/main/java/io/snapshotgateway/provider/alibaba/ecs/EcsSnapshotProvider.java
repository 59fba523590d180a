package io.snapshotgateway.provider.alibaba.ecs;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.SnapshotProvider;
import io.snapshotgateway.provider.alibaba.AlibabaCommonFields;
import io.snapshotgateway.provider.alibaba.AlibabaErrors;
import io.snapshotgateway.provider.alibaba.AlibabaV3SigningFilter;
import io.snapshotgateway.provider.support.Paging;
import io.snapshotgateway.provider.support.VendorAdapter;
import io.snapshotgateway.provider.support.VendorAdapters;
import io.snapshotgateway.provider.support.VendorApi;
import io.snapshotgateway.provider.support.VendorQuery;

/**
 * Lists Alibaba ECS snapshots with DescribeSnapshots, walking every numbered page (the first, then the rest at once).
 */
@ApplicationScoped
public class EcsSnapshotProvider implements SnapshotProvider {
    /** ECS's own maximum PageSize. */
    static final int MAX_PAGE_SIZE = 100;

    private static final VendorApi<EcsApi> API = new VendorApi<>(EcsApi.class, MAX_PAGE_SIZE, EcsEndpoints::host,
            (key, scope) -> new AlibabaV3SigningFilter(key), AlibabaErrors::toException,
            AlibabaCommonFields.KEPT_RAW);

    private final VendorAdapter<EcsApi> vendor;

    public EcsSnapshotProvider(VendorAdapters adapters) {
        this.vendor = adapters.of(API);
    }

    @Override
    public Provider provider() {
        return Provider.ALIBABA_ECS;
    }

    /** ECS snapshots do not say which instance they belong to: an instance filter must go to the vendor. */
    @Override
    public boolean resolvesInstancesAtVendor() {
        return true;
    }

    @Override
    public Uni<List<Snapshot>> list(Scope scope) {
        return listInstance(scope, null);
    }

    @Override
    public Uni<List<Snapshot>> listOfInstance(Scope scope, String instanceId) {
        return listInstance(scope, instanceId);
    }

    private Uni<List<Snapshot>> listInstance(Scope scope, String instanceId) {
        return vendor.numbered(scope, (calls, page) -> calls
                .call(api -> api.describeSnapshots(parameters(scope, instanceId, page + 1, calls.pageSize())))
                .map(r -> new Paging.NumberedPage<>(r.items(), r.totalCount())),
                s -> EcsSnapshotMapper.toSnapshot(scope, s, instanceId));
    }

    static Map<String, String> parameters(Scope scope, String instanceId, int pageNumber, int pageSize) {
        return new VendorQuery<EcsParameter>()
                .put(EcsParameter.REGION_ID, scope.region())
                .put(EcsParameter.PAGE_NUMBER, pageNumber)
                .put(EcsParameter.PAGE_SIZE, pageSize)
                .putIfPresent(EcsParameter.INSTANCE_ID, instanceId)
                .toMap();
    }
}
