package io.snapshotgateway.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds ECS DescribeSnapshots bodies in the vendor's shape for WireMock stubs. */
public final class EcsResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EcsResponses() {
    }

    /** A page holding snapshots {@code from} (inclusive) to {@code to} (exclusive) of a region's listing. */
    public static String page(String region, int totalCount, int pageNumber, int pageSize, int from, int to) {
        return page(region, totalCount, pageNumber, pageSize,
                IntStream.range(from, to).boxed().toList());
    }

    /** A page holding the snapshots numbered {@code indices}; snapshot i was created i minutes before 2024. */
    public static String page(String region, int totalCount, int pageNumber, int pageSize, List<Integer> indices) {
        List<Map<String, Object>> snapshots = new ArrayList<>();
        for (int i : indices) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("SnapshotId", "s-" + region + "-" + i);
            s.put("SnapshotName", "snap-" + i);
            s.put("Status", "accomplished");
            s.put("Progress", "100%");
            s.put("CreationTime", Instant.parse("2024-01-01T00:00:00Z").minusSeconds(60L * i).toString());
            s.put("SnapshotType", "user");
            s.put("SourceDiskId", "d-" + region + "-" + (i % 3));
            s.put("SourceDiskSize", "40");
            s.put("SourceDiskType", "system");
            s.put("Tags", Map.of("Tag", List.of()));
            snapshots.add(s);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", "REQ-" + region + "-" + pageNumber);
        body.put("TotalCount", totalCount);
        body.put("PageNumber", pageNumber);
        body.put("PageSize", pageSize);
        body.put("Snapshots", Map.of("Snapshot", snapshots));
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String error(String code, String message, String requestId) {
        return "{\"RequestId\":\"" + requestId + "\",\"HostId\":\"ecs.aliyuncs.com\",\"Code\":\"" + code
                + "\",\"Message\":\"" + message + "\"}";
    }
}
