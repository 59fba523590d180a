package io.snapshotgateway.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Singleton;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Switches faults at run time on the simulator's own port (never the gateway's):
 * {@code POST /_simulator/faults?provider=alibaba-ecs&region=cn-hangzhou&fault=throttle&latency=300ms},
 * {@code GET /_simulator/faults}, {@code DELETE /_simulator/faults}.
 */
@Singleton
public class FaultRoutes implements SimulatorRoutes {
    private final SimulatorFaults faults;

    public FaultRoutes(SimulatorFaults faults) {
        this.faults = faults;
    }

    @Override
    public void mount(Router router) {
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
        if (provider == null || parsed == null || delay == null) {
            ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain")
                    .end("provider (required), region (default *), fault (none, throttle, server-error, malformed, "
                            + "html, no-answer) and latency (e.g. 300ms) please\n");
            return;
        }
        faults.set(provider, region, new Fault(parsed, delay));
        list(ctx);
    }

    private void list(RoutingContext ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        faults.all().forEach((target, fault) -> body.put(target,
                Map.of("fault", fault.kind().id(), "latency_ms", fault.latency().toMillis())));
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(new JsonObject(body).encode());
    }
}
