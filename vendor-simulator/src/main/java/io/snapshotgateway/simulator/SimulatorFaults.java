package io.snapshotgateway.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The faults the simulator injects, per provider and region ({@code *} for every region). Set at start with
 * {@code simulator.faults} / {@code simulator.latency}, switched at run time through {@code /_simulator/faults}.
 */
class SimulatorFaults {
    private static final System.Logger LOG = System.getLogger(SimulatorFaults.class.getName());

    /** How long a "no answer" request is held before the simulator gives up on it (the gateway times out first). */
    static final long NO_ANSWER_HOLD_MS = 120_000;
    private static final String HTML_PAGE = "<html><head><title>502 Bad Gateway</title></head><body>"
            + "<center><h1>502 Bad Gateway</h1></center><hr><center>Tengine</center></body></html>";

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Vertx vertx;

    SimulatorFaults(SimulatorConfig config, Vertx vertx) {
        this.vertx = vertx;
        config.faults().orElse(List.of()).forEach(entry -> parseEntry(entry, false));
        config.latency().orElse(List.of()).forEach(entry -> parseEntry(entry, true));
    }

    /** A simulated API's own rendering of the vendor-specific faults. */
    interface VendorErrors {
        void throttle(RoutingContext ctx);

        void serverError(RoutingContext ctx);

        /** A body cut off mid-way, as the vendor's success shape starts. */
        String truncatedBody();
    }

    /**
     * Runs {@code answer} as configured for this provider and region: after the latency, unless a fault answers
     * instead.
     */
    void apply(RoutingContext ctx, String provider, String region, VendorErrors vendor, Runnable answer) {
        Fault fault = faultFor(provider, region);
        Runnable act = () -> {
            switch (fault.kind()) {
                case THROTTLE -> vendor.throttle(ctx);
                case SERVER_ERROR -> vendor.serverError(ctx);
                case MALFORMED -> ctx.response().setStatusCode(200)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=utf-8")
                        .end(vendor.truncatedBody());
                case HTML -> ctx.response().setStatusCode(502).putHeader(HttpHeaders.CONTENT_TYPE, "text/html")
                        .end(HTML_PAGE);
                case NO_ANSWER -> vertx.setTimer(NO_ANSWER_HOLD_MS, id -> ctx.response().close());
                default -> answer.run();
            }
        };
        if (fault.latency().isZero()) {
            act.run();
        } else {
            vertx.setTimer(fault.latency().toMillis(), id -> act.run());
        }
    }

    Fault faultFor(String provider, String region) {
        return Optional.ofNullable(faults.get(provider + "/" + region))
                .or(() -> Optional.ofNullable(faults.get(provider + "/*")))
                .orElse(Fault.NONE);
    }

    /** Sets the fault (and latency) of a provider and region ({@code *}: every region). */
    void set(String provider, String region, Fault fault) {
        if (fault.kind() == Fault.Kind.NONE && fault.latency().isZero()) {
            faults.remove(provider + "/" + region);
        } else {
            faults.put(provider + "/" + region, fault);
        }
        LOG.log(System.Logger.Level.INFO, "Simulator fault for {0}/{1}: {2}, latency {3} ms", provider, region,
                fault.kind().id(), fault.latency().toMillis());
    }

    void clear() {
        faults.clear();
    }

    Map<String, Fault> all() {
        return new TreeMap<>(faults);
    }

    /** {@code provider[:region]=value}, the value a fault kind or, for latency, a duration such as 300ms. */
    private void parseEntry(String entry, boolean latency) {
        int eq = entry.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("simulator fault '" + entry + "' is not provider[:region]=value");
        }
        String[] target = entry.substring(0, eq).trim().split(":", 2);
        String region = target.length > 1 ? target[1] : "*";
        String value = entry.substring(eq + 1).trim();
        Fault current = faultFor(target[0], region);
        if (latency) {
            set(target[0], region, new Fault(current.kind(), parseDuration(value)));
        } else {
            Fault.Kind kind = Fault.Kind.fromId(value).orElseThrow(() -> new IllegalArgumentException(
                    "simulator fault '" + value
                            + "' is not one of throttle, server-error, malformed, html, no-answer"));
            set(target[0], region, new Fault(kind, current.latency()));
        }
    }

    static Duration parseDuration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.ofMillis(Long.parseLong(v));
    }
}
