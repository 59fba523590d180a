package io.snapshotgateway.simulator;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Huawei Cloud Workspace {@code ListDesktopSnapshot} ({@code GET /v2/{project_id}/snapshots}) behind an API Gateway
 * that verifies {@code SDK-HMAC-SHA256} with the demo AK/SK over whichever headers the caller signed (the gateway signs
 * host, x-project-id and x-sdk-date; the official SDK adds user-agent). Offset/limit paging with {@code total_count},
 * the documented filters and sort, the region found from the project id, and the vendor's error bodies with an
 * {@code X-Request-Id} header.
 *
 * <p>
 * Signatures are computed by Huawei's own signer ({@code huaweicloud-sdk-core}'s {@code AKSKSigner}) over the
 * request as received, never by code shared with a client.
 */
class HuaweiWorkspaceSimulator implements SimulatorRoutes {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "SDK-HMAC-SHA256\\s+Access=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-fA-F]+)\\s*");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_LIMIT = 1000;
    private static final int MAX_OFFSET = 20000;
    private static final Set<String> STATUSES = Set.of("creating", "restoring", "create_success", "create_failed",
            "restore_success", "restore_failed");

    private final SimulatorConfig config;
    private final ObjectMapper json;
    private final Map<String, String> regionByProject = new TreeMap<>();
    private final Map<String, List<SimulatedWorkspaceSnapshot>> byRegion = new ConcurrentHashMap<>();
    private final SimulatorFaults faults;

    HuaweiWorkspaceSimulator(SimulatorConfig config, ObjectMapper json, SimulatorFaults faults) {
        this.config = config;
        this.json = json;
        this.faults = faults;
        for (String pair : config.workspaceProjects()) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                regionByProject.put(pair.substring(colon + 1).trim(), pair.substring(0, colon).trim());
            }
        }
    }

    @Override
    public void mount(Router router) {
        router.get("/v2/:project_id/snapshots").handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        String requestId = UUID.randomUUID().toString().replace("-", "");
        try {
            authenticate(ctx);
            String region = regionByProject.get(ctx.pathParam("project_id"));
            if (region == null) {
                // What Workspace answers for a project where it is not enabled (terraform-provider-huaweicloud
                // reads this code from a 403). The AK/SK itself was fine, so this is the service speaking.
                throw new WorkspaceError(403, "WKS.00010099", "The Workspace service is disabled.");
            }
            Map<String, String> params = new LinkedHashMap<>();
            params.putAll(SignedRequests.firstValues(SignedRequests.query(ctx)));
            faults.apply(ctx, "huawei-workspace", region, vendorErrors(requestId), () -> {
                try {
                    send(ctx, 200, requestId, page(region, params));
                } catch (WorkspaceError e) {
                    sendError(ctx, requestId, e);
                }
            });
        } catch (WorkspaceError e) {
            sendError(ctx, requestId, e);
        }
    }

    /**
     * API Gateway's throttling (HTTP 429, {@code APIGW.0308}, with the message the gateway documents) and a 5xx.
     * The 5xx code is representative: the vendor documents 500 with a {@code WKS} code but not which.
     */
    private SimulatorFaults.VendorErrors vendorErrors(String requestId) {
        return new SimulatorFaults.VendorErrors() {
            @Override
            public void throttle(RoutingContext ctx) {
                sendError(ctx, requestId, new WorkspaceError(429, "APIGW.0308",
                        "The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 "
                                + "minute"));
            }

            @Override
            public void serverError(RoutingContext ctx) {
                sendError(ctx, requestId, new WorkspaceError(500, "WKS.0002", "Internal service error."));
            }

            @Override
            public String truncatedBody() {
                return "{\"total_count\":12,\"desktop_snapshots\":[{\"snapshot_id\":\"";
            }
        };
    }

    private void sendError(RoutingContext ctx, String requestId, WorkspaceError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", e.code);
        body.put("error_msg", e.getMessage());
        send(ctx, e.status, requestId, body);
    }

    private void authenticate(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            throw iam(ctx.request().getHeader("X-Auth-Token") == null
                    ? "x-auth-token not found"
                    : "decrypt token fail");
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            throw iam("verify aksk signature fail");
        }
        if (!config.accessKeyId().equals(m.group(1))) {
            // The real message names the AK; the gateway must scrub it before showing it.
            throw iam("Get secretKey failed,ak:" + m.group(1) + ",err:ak not exist");
        }
        List<String> signedNames = List.of(m.group(2).split(";"));
        String date = ctx.request().getHeader("X-Sdk-Date");
        // X-Sdk-Date and host must be signed; the date's skew is not checked, so a replayed demo request still works.
        if (date == null || !signedNames.contains("x-sdk-date") || !signedNames.contains("host")) {
            throw iam("verify aksk signature fail");
        }
        // host(), not the Host header: over HTTP/2 (a client may upgrade) the host is the :authority.
        String host = ctx.request().host();
        HttpRequest.HttpRequestBuilder asReceived = HttpRequest.newBuilder().withEndpoint("http://" + host)
                .withMethod(HttpMethod.valueOf(ctx.request().method().name())).withPath(ctx.request().path());
        for (String name : signedNames) {
            String value = ctx.request().getHeader(name);
            if (!name.equals("host") && value != null) {
                asReceived.addHeader(headerCase(name), value);
            }
        }
        SignedRequests.query(ctx).forEach(asReceived::addQueryParam);
        String expected = AKSKSigner.getInstance().sign(asReceived.build(),
                new BasicCredentials().withAk(config.accessKeyId()).withSk(config.accessKeySecret()))
                .get("Authorization");
        Matcher official = expected == null ? null : AUTHORIZATION.matcher(expected);
        if (official == null || !official.matches() || !official.group(2).equals(m.group(2))
                || !SignedRequests.sameText(official.group(3), m.group(3).toLowerCase(Locale.ROOT))) {
            throw iam("verify aksk signature fail");
        }
    }

    /** X-Sdk-Date, not x-sdk-date: the signer looks its date header up by that spelling. */
    private static String headerCase(String name) {
        StringBuilder cased = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            cased.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        return cased.toString();
    }

    private Map<String, Object> page(String region, Map<String, String> p) {
        int limit = SimulatedParams.intParam(p, "limit", MAX_LIMIT, 1, MAX_LIMIT, HuaweiWorkspaceSimulator::invalid);
        int offset = SimulatedParams.intParam(p, "offset", 0, 0, MAX_OFFSET, HuaweiWorkspaceSimulator::invalid);
        List<SimulatedWorkspaceSnapshot> all = byRegion.computeIfAbsent(region,
                r -> SimulatedWorkspaceData.snapshots(r, config.snapshotsPerRegion()));
        List<SimulatedWorkspaceSnapshot> matching = new ArrayList<>(all.stream().filter(filter(p)).toList());
        sort(p, matching);
        int from = Math.min(offset, matching.size());
        int to = Math.min(from + limit, matching.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total_count", matching.size());
        body.put("desktop_snapshots",
                matching.subList(from, to).stream().map(HuaweiWorkspaceSimulator::render).toList());
        return body;
    }

    private static Predicate<SimulatedWorkspaceSnapshot> filter(Map<String, String> p) {
        List<Predicate<SimulatedWorkspaceSnapshot>> filters = new ArrayList<>();
        if (SimulatedParams.present(p, "desktop_id")) {
            filters.add(s -> s.desktopId().equals(p.get("desktop_id")));
        }
        // The docs do not say whether names match exactly or in part; in part is the lenient reading, and the
        // gateway never pushes names down, so it depends on neither.
        if (SimulatedParams.present(p, "desktop_name")) {
            filters.add(s -> s.desktopName().contains(p.get("desktop_name")));
        }
        if (SimulatedParams.present(p, "snapshot_name")) {
            filters.add(s -> s.snapshotName().contains(p.get("snapshot_name")));
        }
        String diskType = enumParam(p, "disk_type", Set.of("SYSTEM_DISK", "DATA_DISKS", "ALL"));
        if ("SYSTEM_DISK".equals(diskType) || "DATA_DISKS".equals(diskType)) {
            boolean system = diskType.equals("SYSTEM_DISK");
            filters.add(s -> s.systemDisk() == system);
        }
        String createType = enumParam(p, "create_type", Set.of("AUTO", "MANUALLY"));
        if (createType != null) {
            filters.add(s -> s.createType().equals(createType));
        }
        String status = enumParam(p, "status", STATUSES);
        if (status != null) {
            filters.add(s -> s.status().equals(status));
        }
        return filters.stream().reduce(s -> true, Predicate::and);
    }

    /** Newest first unless asked otherwise; {@code sort_type} defaults to ascending once a field is named. */
    private static void sort(Map<String, String> p, List<SimulatedWorkspaceSnapshot> matching) {
        String field = enumParam(p, "sort_field", Set.of("create_time", "snapshot_name"));
        String type = enumParam(p, "sort_type", Set.of("ASC", "DESC"));
        if (field == null) {
            return;
        }
        Comparator<SimulatedWorkspaceSnapshot> order = field.equals("create_time")
                ? Comparator.comparing(SimulatedWorkspaceSnapshot::createTime)
                : Comparator.comparing(SimulatedWorkspaceSnapshot::snapshotName);
        order = order.thenComparing(SimulatedWorkspaceSnapshot::snapshotId);
        matching.sort("DESC".equals(type) ? order.reversed() : order);
    }

    private static String enumParam(Map<String, String> p, String name, Set<String> allowed) {
        if (!SimulatedParams.present(p, name)) {
            return null;
        }
        if (!allowed.contains(p.get(name))) {
            throw invalid(name);
        }
        return p.get(name);
    }

    /** WKS.0001 is the code Workspace answers its 400s with; the wording is the simulator's. */
    private static WorkspaceError invalid(String name) {
        return new WorkspaceError(400, "WKS.0001", "The parameter " + name + " is invalid.");
    }

    private static WorkspaceError iam(String reason) {
        return new WorkspaceError(401, "APIGW.0301", "Incorrect IAM authentication information: " + reason);
    }

    private static Map<String, Object> render(SimulatedWorkspaceSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("snapshot_id", s.snapshotId());
        m.put("snapshot_name", s.snapshotName());
        m.put("desktop_id", s.desktopId());
        m.put("desktop_name", s.desktopName());
        m.put("desktop_sid", s.desktopSid());
        putIfPresent(m, "desktop_pool_id", s.desktopPoolId());
        m.put("is_system_disk", s.systemDisk());
        m.put("status", s.status());
        putIfPresent(m, "process", s.process());
        m.put("description", s.description());
        m.put("create_time", TIME.format(s.createTime()));
        m.put("create_type", s.createType());
        putIfPresent(m, "last_restore_time", s.lastRestoreTime() == null ? null : TIME.format(s.lastRestoreTime()));
        putIfPresent(m, "restore_fail_reason", s.restoreFailReason());
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private void send(RoutingContext ctx, int status, String requestId, Map<String, Object> body) {
        try {
            ctx.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                    .putHeader("X-Request-Id", requestId)
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    /** Answered with the vendor's error body. */
    private static final class WorkspaceError extends RuntimeException {
        private final int status;
        private final String code;

        WorkspaceError(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }
}
