package io.snapshotgateway.simulator;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The three vendor APIs on one HTTP server, each at the vendor's own paths (Alibaba RPC at {@code /}, Huawei
 * Workspace at {@code /v2/{project_id}/snapshots}), plus the fault switches at {@code /_simulator/faults}.
 */
public final class VendorSimulator {
    private final HttpServer server;

    private VendorSimulator(HttpServer server) {
        this.server = server;
    }

    /** Starts listening on {@code config.host()}:{@code config.port()}; completes once bound. */
    public static Future<VendorSimulator> start(Vertx vertx, SimulatorConfig config) {
        ObjectMapper json = new ObjectMapper();
        SimulatorFaults faults = new SimulatorFaults(config, vertx);
        List<SimulatorRoutes> apis = List.of(
                new AlibabaRpcSimulator(config, json, List.of(new EcsSimulator(config, json), new EdsSimulator(config)),
                        faults),
                new HuaweiWorkspaceSimulator(config, json, faults),
                new FaultRoutes(faults, config));
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(64 * 1024));
        apis.forEach(api -> api.mount(router));
        return vertx.createHttpServer().requestHandler(router).listen(config.port(), config.host())
                .map(VendorSimulator::new);
    }

    /** The port actually bound. */
    public int port() {
        return server.actualPort();
    }

    public Future<Void> close() {
        return server.close();
    }
}
