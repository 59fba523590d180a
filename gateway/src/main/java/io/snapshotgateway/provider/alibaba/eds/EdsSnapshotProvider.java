package io.snapshotgateway.provider.alibaba.eds;

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
import io.snapshotgateway.provider.alibaba.AlibabaV1SigningFilter;
import io.snapshotgateway.provider.support.Paging;
import io.snapshotgateway.provider.support.VendorAdapter;
import io.snapshotgateway.provider.support.VendorAdapters;
import io.snapshotgateway.provider.support.VendorApi;
import io.snapshotgateway.provider.support.VendorQuery;

/** Lists Elastic Desktop Service snapshots with DescribeSnapshots, following NextToken to the end. */
@ApplicationScoped
public class EdsSnapshotProvider implements SnapshotProvider {
    /** EDS's own maximum MaxResults. */
    static final int MAX_RESULTS = 100;

    private static final VendorApi<EdsApi> API = new VendorApi<>(EdsApi.class, MAX_RESULTS, EdsEndpoints::host,
            (key, scope) -> new AlibabaV1SigningFilter(key), AlibabaErrors::toException,
            AlibabaCommonFields.KEPT_RAW);

    private final VendorAdapter<EdsApi> vendor;

    public EdsSnapshotProvider(VendorAdapters adapters) {
        this.vendor = adapters.of(API);
    }

    @Override
    public Provider provider() {
        return Provider.ALIBABA_EDS;
    }

    @Override
    public Uni<List<Snapshot>> list(Scope scope) {
        return vendor.tokened(scope, (calls, token) -> calls
                .call(api -> api.describeSnapshots(parameters(scope, token, calls.pageSize())))
                .map(r -> new Paging.TokenPage<>(r.items(), r.nextToken())),
                s -> EdsSnapshotMapper.toSnapshot(scope, s));
    }

    static Map<String, String> parameters(Scope scope, String token, int maxResults) {
        return new VendorQuery<EdsParameter>()
                .put(EdsParameter.REGION_ID, scope.region())
                .put(EdsParameter.MAX_RESULTS, maxResults)
                .putIfPresent(EdsParameter.NEXT_TOKEN, token)
                .toMap();
    }
}
