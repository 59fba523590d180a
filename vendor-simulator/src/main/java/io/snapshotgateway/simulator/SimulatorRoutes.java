package io.snapshotgateway.simulator;

import io.vertx.ext.web.Router;

/** A simulated vendor API: mounts its routes, at the vendor's own paths, on the simulator's router. */
interface SimulatorRoutes {
    void mount(Router router);
}
