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

/**
 * Elastic Desktop Service ({@code ecd}) {@code DescribeSnapshots} (2020-09-30): NextToken/MaxResults paging, a
 * plain {@code Snapshots} array, uppercase enum values, and its documented filters.
 */
public class EdsSimulator implements RpcProduct {
    static final String VERSION = "2020-09-30";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_RESULTS = 100;

    private final SimulatorConfig config;
    private final Map<String, List<SimulatedEdsSnapshot>> byRegion = new ConcurrentHashMap<>();

    public EdsSimulator(SimulatorConfig config) {
        this.config = config;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public String providerId() {
        return "alibaba-eds";
    }

    @Override
    public Map<String, Object> call(String action, Map<String, String> params) {
        String region = RpcProduct.describeSnapshotsRegion(action, params, config.edsRegions());
        List<SimulatedEdsSnapshot> matching = byRegion
                .computeIfAbsent(region, r -> SimulatedData.eds(r, config.snapshotsPerRegion()))
                .stream().filter(filter(params)).toList();
        int maxResults = maxResults(params);
        String token = params.getOrDefault("NextToken", "");
        int from = token.isEmpty() ? 0 : SimulatedData.offset(token);
        if (from < 0 || from > matching.size()) {
            throw new RpcErrorException(400, "InvalidNextToken.Malformed", "The specified NextToken is invalid.");
        }
        int to = Math.min(from + maxResults, matching.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("NextToken", to < matching.size() ? SimulatedData.token(to) : "");
        body.put("Snapshots", matching.subList(from, to).stream().map(EdsSimulator::render).toList());
        return body;
    }

    private static int maxResults(Map<String, String> params) {
        return SimulatedParams.intParam(params, "MaxResults", 10, 1, MAX_RESULTS, RpcError::invalid);
    }

    private static Predicate<SimulatedEdsSnapshot> filter(Map<String, String> p) {
        List<Predicate<SimulatedEdsSnapshot>> filters = new ArrayList<>();
        exact(p, "DesktopId", SimulatedEdsSnapshot::desktopId, filters);
        exact(p, "DesktopName", SimulatedEdsSnapshot::desktopName, filters);
        exact(p, "SnapshotId", SimulatedEdsSnapshot::snapshotId, filters);
        exact(p, "SnapshotName", SimulatedEdsSnapshot::snapshotName, filters);
        exact(p, "Creator", SimulatedEdsSnapshot::creator, filters);
        oneOf(p, "SnapshotType", Set.of("auto", "user"), SimulatedEdsSnapshot::snapshotType, filters);
        oneOf(p, "SourceDiskType", Set.of("system", "data"), SimulatedEdsSnapshot::sourceDiskType, filters);
        Instant start = time(p, "StartTime");
        Instant end = time(p, "EndTime");
        if (start != null) {
            filters.add(s -> !s.creationTime().isBefore(start));
        }
        if (end != null) {
            filters.add(s -> !s.creationTime().isAfter(end));
        }
        return filters.stream().reduce(s -> true, Predicate::and);
    }

    private static void exact(Map<String, String> p, String name, Function<SimulatedEdsSnapshot, String> field,
            List<Predicate<SimulatedEdsSnapshot>> filters) {
        String wanted = p.get(name);
        if (wanted != null && !wanted.isEmpty()) {
            filters.add(s -> wanted.equals(field.apply(s)));
        }
    }

    private static void oneOf(Map<String, String> p, String name, Set<String> allowed,
            Function<SimulatedEdsSnapshot, String> field, List<Predicate<SimulatedEdsSnapshot>> filters) {
        String wanted = p.getOrDefault(name, "").toLowerCase(Locale.ROOT);
        if (wanted.isEmpty() || "all".equals(wanted)) {
            return;
        }
        if (!allowed.contains(wanted)) {
            throw new RpcErrorException(RpcError.invalidParameter(name));
        }
        filters.add(s -> wanted.equalsIgnoreCase(field.apply(s)));
    }

    private static Instant time(Map<String, String> p, String name) {
        String value = p.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        Instant parsed = SimulatedParams.time(value);
        if (parsed == null) {
            throw new RpcErrorException(RpcError.invalidParameter(name));
        }
        return parsed;
    }

    private static Map<String, Object> render(SimulatedEdsSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("SnapshotId", s.snapshotId());
        m.put("SnapshotName", s.snapshotName());
        m.put("Description", s.description());
        m.put("DesktopId", s.desktopId());
        m.put("DesktopName", s.desktopName());
        m.put("DesktopStatus", "Running");
        m.put("Status", s.status());
        m.put("Progress", s.progress());
        m.put("RemainTime", s.remainTime());
        m.put("CreationTime", TIME.format(s.creationTime()));
        m.put("Creator", s.creator());
        m.put("SnapshotType", s.snapshotType());
        m.put("SourceDiskType", s.sourceDiskType());
        m.put("SourceDiskSize", Integer.toString(s.sourceDiskSize()));
        m.put("ProtocolType", "ASP");
        m.put("VolumeEncryptionEnabled", false);
        return m;
    }
}
