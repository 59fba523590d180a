package io.snapshotgateway.provider.alibaba.ecs;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.SnapshotFilter;
import io.snapshotgateway.provider.ConfiguredSources;
import io.snapshotgateway.provider.Endpoints;
import io.snapshotgateway.GatewayConfig;
import io.snapshotgateway.provider.Listings;
import io.snapshotgateway.provider.Paging;
import io.snapshotgateway.provider.PushDown;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.SnapshotProvider;
import io.snapshotgateway.provider.TimeWindows;
import io.snapshotgateway.provider.SourceCredentials;
import io.snapshotgateway.provider.UpstreamErrorMapper;
import io.snapshotgateway.provider.UpstreamFailures;
import io.snapshotgateway.provider.VendorClients;
import io.snapshotgateway.provider.AccessKey;
import io.snapshotgateway.provider.alibaba.AlibabaErrors;
import io.snapshotgateway.provider.alibaba.AlibabaV3SigningFilter;
import io.snapshotgateway.provider.alibaba.AlibabaValues;

/** Lists Alibaba ECS snapshots: pushes filters down to DescribeSnapshots and walks every numbered page. */
@ApplicationScoped
public class EcsSnapshotProvider implements SnapshotProvider {
    /** ECS's own maximum PageSize. */
    static final int MAX_PAGE_SIZE = 100;
    /** ECS's SnapshotIds filter takes a JSON array of at most 100 ids. */
    static final int MAX_SNAPSHOT_IDS = 100;
    private static final DateTimeFormatter FILTER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    private final GatewayConfig config;
    private final ConfiguredSources sources;
    private final SourceCredentials credentials;
    private final Map<String, EcsApi> clients = new ConcurrentHashMap<>();

    public EcsSnapshotProvider(GatewayConfig config, ConfiguredSources sources, SourceCredentials credentials) {
        this.config = config;
        this.sources = sources;
        this.credentials = credentials;
    }

    @Override
    public Provider provider() {
        return Provider.ALIBABA_ECS;
    }

    @Override
    public PushDown pushDown(SnapshotFilter filter) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        // ECS snapshots do not say which instance they belong to: an instance filter must go to the vendor.
        if (!filter.instanceIds().isEmpty()) {
            params.put("InstanceId", List.copyOf(filter.instanceIds()));
        }
        if (filter.diskIds().size() == 1) {
            params.put("DiskId", List.copyOf(filter.diskIds()));
        }
        if (!filter.snapshotIds().isEmpty() && filter.snapshotIds().size() <= MAX_SNAPSHOT_IDS) {
            params.put("SnapshotIds", List.of(jsonArray(filter.snapshotIds().stream().sorted().toList())));
        }
        if (filter.statuses().size() == 1) {
            String status = AlibabaValues.statusFilter(filter.statuses().iterator().next());
            if (status != null) {
                params.put("Status", List.of(status));
            }
        }
        if (filter.creationTypes().size() == 1) {
            params.put("SnapshotType", List.of(AlibabaValues.creationTypeFilter(filter.creationTypes().iterator().next())));
        }
        if (filter.diskTypes().size() == 1) {
            params.put("SourceDiskType", List.of(AlibabaValues.diskTypeFilter(filter.diskTypes().iterator().next())));
        }
        // Whole UTC days (see TimeWindows): cacheable for rolling windows, and a superset the gateway trims.
        if (filter.createdAfter() != null) {
            params.put("CreationStartTime", List.of(FILTER_TIME.format(TimeWindows.startOfDay(filter.createdAfter()))));
        }
        if (filter.createdBefore() != null) {
            params.put("CreationEndTime", List.of(FILTER_TIME.format(TimeWindows.endOfDay(filter.createdBefore()))));
        }
        return new PushDown(params);
    }

    @Override
    public Uni<List<Snapshot>> list(Scope scope, PushDown pushDown) {
        EcsApi api = client(scope);
        // One listing per instance filter value (the vendor takes one InstanceId), or one unfiltered listing.
        List<Optional<String>> instances = pushDown.values("InstanceId").isEmpty() ? List.of(Optional.empty())
                : pushDown.values("InstanceId").stream().map(Optional::of).toList();
        return Multi.createFrom().iterable(instances)
                .onItem().transformToUni(instance -> listInstance(api, scope, pushDown, instance.orElse(null)))
                .merge(config.fetch().pageConcurrency())
                .collect().in(ArrayList<Snapshot>::new, List::addAll)
                .map(Listings::distinctById)
                .onFailure().transform(UpstreamFailures::asUpstream);
    }

    private Uni<List<Snapshot>> listInstance(EcsApi api, Scope scope, PushDown pushDown, String instanceId) {
        int pageSize = Math.min(config.fetch().pageSize(), MAX_PAGE_SIZE);
        return Paging.<EcsSnapshot> numbered(page -> api
                .describeSnapshots(parameters(scope, pushDown, instanceId, page + 1, pageSize))
                .ifNoItem().after(config.fetch().timeout()).failWith(TimeoutException::new)
                .map(r -> new Paging.NumberedPage<>(r.items(), r.totalCount())),
                pageSize, config.fetch().pageConcurrency(), config.fetch().maxPages())
                .map(items -> items.stream().map(s -> EcsSnapshotMapper.toSnapshot(scope, s, instanceId)).toList());
    }

    static Map<String, String> parameters(Scope scope, PushDown pushDown, String instanceId, int pageNumber,
            int pageSize) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("RegionId", scope.region());
        query.put("PageNumber", Integer.toString(pageNumber));
        query.put("PageSize", Integer.toString(pageSize));
        if (instanceId != null) {
            query.put("InstanceId", instanceId);
        }
        for (String name : List.of("DiskId", "SnapshotIds", "Status", "SnapshotType", "SourceDiskType")) {
            if (pushDown.single(name) != null) {
                query.put(name, pushDown.single(name));
            }
        }
        int filter = 1;
        for (String key : List.of("CreationStartTime", "CreationEndTime")) {
            if (pushDown.single(key) != null) {
                query.put("Filter." + filter + ".Key", key);
                query.put("Filter." + filter + ".Value", pushDown.single(key));
                filter++;
            }
        }
        return query;
    }

    private EcsApi client(Scope scope) {
        return clients.computeIfAbsent(scope.source() + "\n" + scope.region(), k -> {
            GatewayConfig.Source source = sources.get(scope.source()).orElseThrow();
            AccessKey creds = credentials.accessKey(scope.source());
            return VendorClients.build(EcsApi.class,
                    Endpoints.resolve(source.endpoint(), scope.region(), EcsEndpoints.host(scope.region())),
                    config.fetch().timeout(), new AlibabaV3SigningFilter(creds),
                    new UpstreamErrorMapper(creds.secrets(), AlibabaErrors::toException));
        });
    }

    private static String jsonArray(List<String> ids) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < ids.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(ids.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return json.append(']').toString();
    }
}
