package io.snapshotgateway.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * ECS {@code DescribeSnapshots} (2014-05-26): the documented filters, PageNumber/PageSize and NextToken/MaxResults
 * paging, the {@code Snapshots.Snapshot} wrapper, and the documented error codes for bad filter values.
 */
public class EcsSimulator implements RpcProduct {
    static final String VERSION = "2014-05-26";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_PAGE = 100;

    private final SimulatorConfig config;
    private final ObjectMapper json;
    private final Map<String, List<SimulatedEcsSnapshot>> byRegion = new ConcurrentHashMap<>();

    public EcsSimulator(SimulatorConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public String providerId() {
        return "alibaba-ecs";
    }

    @Override
    public Map<String, Object> call(String action, Map<String, String> params) {
        String region = RpcProduct.describeSnapshotsRegion(action, params, config.ecsRegions());
        List<SimulatedEcsSnapshot> all = byRegion.computeIfAbsent(region,
                r -> SimulatedData.ecs(r, config.snapshotsPerRegion()));
        List<SimulatedEcsSnapshot> matching = all.stream().filter(filter(params)).toList();
        return params.containsKey("NextToken") || params.containsKey("MaxResults")
                ? tokenPage(matching, params)
                : numberedPage(matching, params);
    }

    private Map<String, Object> numberedPage(List<SimulatedEcsSnapshot> matching, Map<String, String> params) {
        int pageNumber = SimulatedParams.intParam(params, "PageNumber", 1, 1, Integer.MAX_VALUE, RpcError::invalid);
        int pageSize = SimulatedParams.intParam(params, "PageSize", 10, 1, MAX_PAGE, RpcError::invalid);
        int from = (int) Math.min((long) (pageNumber - 1) * pageSize, matching.size());
        int to = Math.min(from + pageSize, matching.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("TotalCount", matching.size());
        body.put("PageNumber", pageNumber);
        body.put("PageSize", pageSize);
        body.put("Snapshots", Map.of("Snapshot", render(matching.subList(from, to))));
        return body;
    }

    private Map<String, Object> tokenPage(List<SimulatedEcsSnapshot> matching, Map<String, String> params) {
        int maxResults = SimulatedParams.intParam(params, "MaxResults", 10, 1, MAX_PAGE, RpcError::invalid);
        String token = params.getOrDefault("NextToken", "");
        int from = token.isEmpty() ? 0 : SimulatedData.offset(token);
        if (from < 0 || from > matching.size()) {
            throw new RpcErrorException(400, "InvalidParameter.NextToken", "The specified NextToken is not valid.");
        }
        int to = Math.min(from + maxResults, matching.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("TotalCount", matching.size());
        body.put("NextToken", to < matching.size() ? SimulatedData.token(to) : "");
        body.put("Snapshots", Map.of("Snapshot", render(matching.subList(from, to))));
        return body;
    }

    private Predicate<SimulatedEcsSnapshot> filter(Map<String, String> p) {
        List<Predicate<SimulatedEcsSnapshot>> filters = new ArrayList<>();
        equalsFilter(p, "InstanceId", SimulatedEcsSnapshot::instanceId, filters);
        equalsFilter(p, "DiskId", SimulatedEcsSnapshot::sourceDiskId, filters);
        equalsFilter(p, "SnapshotName", SimulatedEcsSnapshot::snapshotName, filters);
        if (SimulatedParams.present(p, "SnapshotIds")) {
            Set<String> ids = snapshotIds(p.get("SnapshotIds"));
            filters.add(s -> ids.contains(s.snapshotId()));
        }
        enumFilter(p, "Status", Set.of("progressing", "accomplished", "failed"), SimulatedEcsSnapshot::status,
                404, "InvalidStatus.NotFound", "The specified Status is not found.", filters);
        enumFilter(p, "SnapshotType", Set.of("auto", "user"), SimulatedEcsSnapshot::snapshotType, 404,
                "InvalidSnapshotType.NotFound", "The specfied SnapshotType is not found.", filters);
        enumFilter(p, "SourceDiskType", Set.of("system", "data"), SimulatedEcsSnapshot::sourceDiskType, 404,
                "InvalidSourceDiskType", "The specifed SourceDiskType is not valid.", filters);
        enumFilter(p, "Usage", Set.of("image", "disk", "image_disk", "none"), SimulatedEcsSnapshot::usage, 404,
                "InvalidUsage", "The specifed Usage is not valid.", filters);
        if (SimulatedParams.present(p, "Encrypted")) {
            boolean encrypted = Boolean.parseBoolean(p.get("Encrypted"));
            filters.add(s -> s.encrypted() == encrypted);
        }
        for (int n = 1; p.containsKey("Filter." + n + ".Key"); n++) {
            String key = p.get("Filter." + n + ".Key");
            Instant value = SimulatedParams.time(p.get("Filter." + n + ".Value"));
            if (value == null) {
                throw new RpcErrorException(404, "InvalidFilterValue", "The specified FilterValue exceeds the limit.");
            }
            switch (key) {
                case "CreationStartTime" -> filters.add(s -> !s.creationTime().isBefore(value));
                case "CreationEndTime" -> filters.add(s -> s.creationTime().isBefore(value));
                default -> throw new RpcErrorException(404, "InvalidFilterKey.NotFound",
                        "The specified FilterKey is not found.");
            }
        }
        return filters.stream().reduce(s -> true, Predicate::and);
    }

    private Set<String> snapshotIds(String value) {
        try {
            List<String> ids = json.readValue(value, new TypeReference<List<String>>() {
            });
            if (ids.size() > 100) {
                throw new IllegalArgumentException("too many");
            }
            return Set.copyOf(ids);
        } catch (Exception e) {
            throw new RpcErrorException(403, "InvalidSnapshotIds.Malformed",
                    "The amount of specified specified snapshot Ids exceeds the limit.");
        }
    }

    private static void equalsFilter(Map<String, String> p, String name,
            Function<SimulatedEcsSnapshot, String> field,
            List<Predicate<SimulatedEcsSnapshot>> filters) {
        if (SimulatedParams.present(p, name)) {
            String wanted = p.get(name);
            filters.add(s -> wanted.equals(field.apply(s)));
        }
    }

    private static void enumFilter(Map<String, String> p, String name, Set<String> allowed,
            Function<SimulatedEcsSnapshot, String> field, int status, String code, String message,
            List<Predicate<SimulatedEcsSnapshot>> filters) {
        if (!SimulatedParams.present(p, name)) {
            return;
        }
        String wanted = p.get(name).toLowerCase(Locale.ROOT);
        if ("all".equals(wanted)) {
            return;
        }
        if (!allowed.contains(wanted)) {
            throw new RpcErrorException(status, code, message);
        }
        filters.add(s -> wanted.equals(field.apply(s)));
    }

    private static List<Map<String, Object>> render(List<SimulatedEcsSnapshot> page) {
        return page.stream().map(EcsSimulator::render).toList();
    }

    private static Map<String, Object> render(SimulatedEcsSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("SnapshotId", s.snapshotId());
        m.put("SnapshotName", s.snapshotName());
        m.put("Description", s.description());
        m.put("Status", s.status());
        m.put("Progress", s.progress());
        m.put("RemainTime", s.remainTime());
        m.put("CreationTime", TIME.format(s.creationTime()));
        m.put("LastModifiedTime", TIME.format(s.creationTime().plusSeconds(600)));
        m.put("SnapshotType", s.snapshotType());
        m.put("SourceDiskId", s.sourceDiskId());
        m.put("SourceDiskSize", Integer.toString(s.sourceDiskSize()));
        m.put("SourceDiskType", s.sourceDiskType());
        m.put("SourceStorageType", "disk");
        m.put("Usage", s.usage());
        m.put("RetentionDays", "auto".equals(s.snapshotType()) ? 30 : 0);
        m.put("Encrypted", s.encrypted());
        m.put("Category", "standard");
        m.put("InstantAccess", false);
        m.put("InstantAccessRetentionDays", 0);
        m.put("Available", "accomplished".equals(s.status()));
        m.put("ResourceGroupId", "rg-sim");
        m.put("SnapshotSN", "64472-" + s.snapshotId().substring(2, 11));
        m.put("Tags", Map.of("Tag", List.of(Map.of("TagKey", "env", "TagValue", s.env()))));
        return m;
    }
}
