package io.snapshotgateway.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Switches faults at run time on the simulator's own port (never the gateway's):
 * {@code POST /_simulator/faults?provider=alibaba-ecs&region=cn-hangzhou&fault=throttle&latency=300ms},
 * {@code GET /_simulator/faults}, {@code DELETE /_simulator/faults}.
 */
class FaultRoutes implements SimulatorRoutes {
    private final SimulatorFaults faults;
    private final Map<String, List<String>> regionsByProvider;

    FaultRoutes(SimulatorFaults faults, SimulatorConfig config) {
        this.faults = faults;
        this.regionsByProvider = Map.of("alibaba-ecs", config.ecsRegions(), "alibaba-eds", config.edsRegions(),
                "huawei-workspace", config.workspaceProjects().stream().map(p -> p.split(":", 2)[0].trim()).toList());
    }

    /** Longest latency the endpoint sets: a typo must not hang every vendor call for an hour. */
    static final Duration MAX_LATENCY = Duration.ofSeconds(60);

    @Override
    public void mount(Router router) {
        // Loopback only, whatever address the simulator listens on: it changes what the gateway sees.
        router.route("/_simulator/faults").handler(ctx -> {
            if (ctx.request().remoteAddress() == null || !isLoopback(ctx.request().remoteAddress().host())) {
                refuse(ctx, 403, "the fault endpoint answers loopback callers only");
                return;
            }
            ctx.next();
        });
        router.get("/_simulator/faults").handler(this::list);
        router.post("/_simulator/faults").handler(this::set);
        router.delete("/_simulator/faults").handler(ctx -> {
            faults.clear();
            list(ctx);
        });
    }

    private void set(RoutingContext ctx) {
        String provider = ctx.request().getParam("provider");
        String region = ctx.request().getParam("region", "*");
        String kind = ctx.request().getParam("fault", "none");
        String latency = ctx.request().getParam("latency", "0ms");
        Fault.Kind parsed = Fault.Kind.fromId(kind).orElse(null);
        Duration delay;
        try {
            delay = SimulatorFaults.parseDuration(latency);
        } catch (NumberFormatException e) {
            delay = null;
        }
        boolean knownProvider = provider != null && regionsByProvider.containsKey(provider);
        boolean knownRegion = "*".equals(region) || (knownProvider && regionsByProvider.get(provider).contains(region));
        boolean boundedLatency = delay != null && !delay.isNegative() && delay.compareTo(MAX_LATENCY) <= 0;
        if (!knownProvider || !knownRegion || parsed == null || !boundedLatency) {
            refuse(ctx, 400, "provider (alibaba-ecs, alibaba-eds or huawei-workspace), region (one it serves, default "
                    + "*), fault (none, throttle, server-error, malformed, html, no-answer) and latency (0 to "
                    + MAX_LATENCY.toSeconds() + " s, e.g. 300ms) please");
            return;
        }
        faults.set(provider, region, new Fault(parsed, delay));
        list(ctx);
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "::1".equals(host) || "0:0:0:0:0:0:0:1".equals(host)
                || host.startsWith("127.");
    }

    private static void refuse(RoutingContext ctx, int status, String detail) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(new JsonObject().put("title", status == 403 ? "Forbidden" : "Invalid fault")
                        .put("status", status).put("detail", detail).encode());
    }

    private void list(RoutingContext ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        faults.all().forEach((target, fault) -> body.put(target,
                Map.of("fault", fault.kind().id(), "latency_ms", fault.latency().toMillis())));
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(new JsonObject(body).encode());
    }
}
