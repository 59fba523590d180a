package io.snapshotgateway.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds Workspace ListDesktopSnapshot bodies in the vendor's shape for WireMock stubs. */
public final class WorkspaceResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkspaceResponses() {
    }

    /** A page holding snapshots {@code from} (inclusive) to {@code to} (exclusive) of a project's listing. */
    public static String page(String region, int totalCount, int from, int to) {
        List<Map<String, Object>> snapshots = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("snapshot_id", region + "-snap-" + i);
            s.put("snapshot_name", "snap-" + i);
            s.put("desktop_id", region + "-desktop-" + (i % 3));
            s.put("desktop_name", "desk-" + (i % 3));
            s.put("desktop_sid", "sid-" + (i % 3));
            s.put("is_system_disk", i % 2 == 0);
            s.put("status", "create_success");
            s.put("description", "");
            s.put("create_time", Instant.parse("2024-01-01T00:00:00Z").minusSeconds(60L * i).toString());
            s.put("create_type", i % 2 == 0 ? "AUTO" : "MANUALLY");
            snapshots.add(s);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total_count", totalCount);
        body.put("desktop_snapshots", snapshots);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String error(String code, String message) {
        return "{\"error_code\":\"" + code + "\",\"error_msg\":\"" + message + "\"}";
    }
}
