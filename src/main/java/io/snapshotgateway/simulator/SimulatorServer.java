package io.snapshotgateway.simulator;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Starts the simulator's own HTTP server on its own port; each {@link SimulatorRoutes} bean mounts one vendor API at
 * the vendor's own paths (Alibaba RPC at {@code /}, Huawei Workspace at {@code /v2/{project_id}/snapshots}).
 */
@Singleton
public class SimulatorServer {
    private final SimulatorConfig config;
    private final Vertx vertx;
    private final Instance<SimulatorRoutes> apis;
    private final AtomicInteger port = new AtomicInteger(-1);
    private HttpServer server;

    public SimulatorServer(SimulatorConfig config, Vertx vertx, Instance<SimulatorRoutes> apis) {
        this.config = config;
        this.vertx = vertx;
        this.apis = apis;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(64 * 1024));
        apis.forEach(api -> api.mount(router));
        // Startup runs on the main thread, not an event loop: waiting for the bind here is safe and makes a taken
        // port fail the start instead of failing later requests.
        server = vertx.createHttpServer().requestHandler(router)
                .listen(config.port(), config.host())
                .toCompletionStage().toCompletableFuture().join();
        port.set(server.actualPort());
        Log.infof("Vendor simulator listening on http://%s:%d (demo AccessKeyId %s)", config.host(), port.get(),
                config.accessKeyId());
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.close();
        }
    }

    /** The port actually bound, or -1 when the simulator is off. */
    public int port() {
        return port.get();
    }
}
