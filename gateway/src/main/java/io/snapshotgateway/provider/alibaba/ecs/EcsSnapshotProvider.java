package io.snapshotgateway.provider.alibaba.ecs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.provider.ConfiguredSources;
import io.snapshotgateway.provider.Endpoints;
import io.snapshotgateway.GatewayConfig;
import io.snapshotgateway.provider.Listings;
import io.snapshotgateway.provider.Paging;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.SnapshotProvider;
import io.snapshotgateway.provider.SourceCredentials;
import io.snapshotgateway.provider.UpstreamErrorMapper;
import io.snapshotgateway.provider.UpstreamFailures;
import io.snapshotgateway.provider.VendorClients;
import io.snapshotgateway.provider.AccessKey;
import io.snapshotgateway.provider.alibaba.AlibabaErrors;
import io.snapshotgateway.provider.alibaba.AlibabaV3SigningFilter;
import io.snapshotgateway.protection.VendorCalls;

/** Lists Alibaba ECS snapshots with DescribeSnapshots, walking every numbered page (the first, then the rest at once). */
@ApplicationScoped
public class EcsSnapshotProvider implements SnapshotProvider {
    /** ECS's own maximum PageSize. */
    static final int MAX_PAGE_SIZE = 100;

    private final GatewayConfig config;
    private final ConfiguredSources sources;
    private final SourceCredentials credentials;
    private final VendorCalls calls;
    private final Map<String, EcsApi> clients = new ConcurrentHashMap<>();

    public EcsSnapshotProvider(GatewayConfig config, ConfiguredSources sources, SourceCredentials credentials,
            VendorCalls calls) {
        this.config = config;
        this.calls = calls;
        this.sources = sources;
        this.credentials = credentials;
    }

    @Override
    public Provider provider() {
        return Provider.ALIBABA_ECS;
    }

    @Override
    public Uni<List<Snapshot>> list(Scope scope) {
        return listInstance(scope, null);
    }

    /** ECS snapshots do not say which instance they belong to: an instance filter must go to the vendor. */
    @Override
    public boolean resolvesInstancesAtVendor() {
        return true;
    }

    @Override
    public Uni<List<Snapshot>> listOfInstance(Scope scope, String instanceId) {
        return listInstance(scope, instanceId);
    }

    private Uni<List<Snapshot>> listInstance(Scope scope, String instanceId) {
        EcsApi api = client(scope);
        VendorCalls.Listing listing = calls.listing(scope);
        int pageSize = Math.min(config.fetch().pageSize(), MAX_PAGE_SIZE);
        return Paging.<EcsSnapshot> numbered(page -> listing.call(() -> api
                .describeSnapshots(parameters(scope, instanceId, page + 1, pageSize))
                .ifNoItem().after(config.fetch().timeout()).failWith(TimeoutException::new))
                .map(r -> new Paging.NumberedPage<>(r.items(), r.totalCount())),
                pageSize, config.fetch().pageConcurrency(), config.fetch().maxPages())
                .map(items -> Listings.distinctById(
                        items.stream().map(s -> EcsSnapshotMapper.toSnapshot(scope, s, instanceId)).toList()))
                .onFailure().transform(UpstreamFailures::asUpstream);
    }

    static Map<String, String> parameters(Scope scope, String instanceId, int pageNumber, int pageSize) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("RegionId", scope.region());
        query.put("PageNumber", Integer.toString(pageNumber));
        query.put("PageSize", Integer.toString(pageSize));
        if (instanceId != null) {
            query.put("InstanceId", instanceId);
        }
        return query;
    }

    private EcsApi client(Scope scope) {
        return clients.computeIfAbsent(scope.source() + "\n" + scope.region(), k -> {
            GatewayConfig.Source source = sources.get(scope.source()).orElseThrow();
            AccessKey creds = credentials.accessKey(scope.source());
            return VendorClients.build(EcsApi.class,
                    Endpoints.resolve(source.endpoint(), scope.region(), EcsEndpoints.host(scope.region())),
                    config.fetch(), new AlibabaV3SigningFilter(creds),
                    new UpstreamErrorMapper(creds.secrets(), AlibabaErrors::toException));
        });
    }
}
