package io.snapshotgateway.provider.alibaba.eds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.snapshotgateway.protection.VendorCalls;
import io.snapshotgateway.GatewayConfig;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.provider.AccessKey;
import io.snapshotgateway.provider.ConfiguredSources;
import io.snapshotgateway.provider.Endpoints;
import io.snapshotgateway.provider.Listings;
import io.snapshotgateway.provider.Paging;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.SnapshotProvider;
import io.snapshotgateway.provider.SourceCredentials;
import io.snapshotgateway.provider.UpstreamErrorMapper;
import io.snapshotgateway.provider.UpstreamFailures;
import io.snapshotgateway.provider.VendorClients;
import io.snapshotgateway.provider.alibaba.AlibabaErrors;
import io.snapshotgateway.provider.alibaba.AlibabaV1SigningFilter;

/** Lists Elastic Desktop Service snapshots with DescribeSnapshots, following NextToken to the end. */
@ApplicationScoped
public class EdsSnapshotProvider implements SnapshotProvider {
    /** EDS's own maximum MaxResults. */
    static final int MAX_RESULTS = 100;

    private final GatewayConfig config;
    private final ConfiguredSources sources;
    private final SourceCredentials credentials;
    private final Map<String, EdsApi> clients = new ConcurrentHashMap<>();

    private final VendorCalls calls;

    public EdsSnapshotProvider(GatewayConfig config, ConfiguredSources sources, SourceCredentials credentials,
            VendorCalls calls) {
        this.config = config;
        this.calls = calls;
        this.sources = sources;
        this.credentials = credentials;
    }

    @Override
    public Provider provider() {
        return Provider.ALIBABA_EDS;
    }

    @Override
    public Uni<List<Snapshot>> list(Scope scope) {
        EdsApi api = client(scope);
        VendorCalls.Listing listing = calls.listing(scope);
        int maxResults = Math.min(config.fetch().pageSize(), MAX_RESULTS);
        return Paging.<EdsSnapshot> tokened(token -> listing.call(() -> api
                .describeSnapshots(parameters(scope, token, maxResults))
                .ifNoItem().after(config.fetch().timeout()).failWith(TimeoutException::new))
                .map(r -> new Paging.TokenPage<>(r.items(), r.nextToken())), config.fetch().maxPages())
                .map(items -> Listings.distinctById(items.stream().map(s -> EdsSnapshotMapper.toSnapshot(scope, s)).toList()))
                .onFailure().transform(UpstreamFailures::asUpstream);
    }

    static Map<String, String> parameters(Scope scope, String token, int maxResults) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("RegionId", scope.region());
        query.put("MaxResults", Integer.toString(maxResults));
        if (token != null) {
            query.put("NextToken", token);
        }
        return query;
    }

    private EdsApi client(Scope scope) {
        return clients.computeIfAbsent(scope.source() + "\n" + scope.region(), k -> {
            AccessKey key = credentials.accessKey(scope.source());
            return VendorClients.build(EdsApi.class,
                    Endpoints.resolve(sources.get(scope.source()).orElseThrow().endpoint(), scope.region(),
                            EdsEndpoints.host(scope.region())),
                    config.fetch(), new AlibabaV1SigningFilter(key),
                    new UpstreamErrorMapper(key.secrets(), AlibabaErrors::toException));
        });
    }
}
