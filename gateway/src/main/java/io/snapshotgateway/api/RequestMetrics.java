package io.snapshotgateway.api;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.snapshotgateway.metrics.SloBuckets;
import io.vertx.ext.web.Router;

/**
 * What is measured of the answers callers get: the latency of {@code GET /snapshots} by status class
 * ({@code snapshot_gateway_request_seconds{status_class}}, buckets in {@link SloBuckets}), and the 200s that lacked a
 * source ({@code snapshot_gateway_partial_answers_total}).
 *
 * <p>
 * A route of its own rather than Quarkus's {@code http_server_requests_seconds}: that one is labelled by method, path
 * and exact status, and gets no SLO buckets here. This one sees every answer to the path, whatever produced it (the
 * resource, a refusal of the API key filter, a problem document of the router), from the router's first look at the
 * request to the last byte sent.
 */
@Singleton
public class RequestMetrics {
    private static final String LISTING = "/snapshots";

    private final Map<String, Timer> byStatusClass;
    private final Counter partialAnswers;

    public RequestMetrics(MeterRegistry registry) {
        this.byStatusClass = Map.of("2xx", timer(registry, "2xx"), "3xx", timer(registry, "3xx"),
                "4xx", timer(registry, "4xx"), "5xx", timer(registry, "5xx"));
        this.partialAnswers = Counter.builder("snapshot_gateway_partial_answers")
                .description("Answers of /snapshots and /snapshots/summary sent with complete: false (HTTP 200, some "
                        + "selected source failed now or on an earlier page of the walk)")
                .register(registry);
    }

    void install(@Observes Router router) {
        router.get(LISTING).order(Integer.MIN_VALUE).handler(ctx -> {
            long started = System.nanoTime();
            ctx.addEndHandler(ended -> byStatusClass.get(statusClass(ctx.response().getStatusCode()))
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
            ctx.next();
        });
    }

    /** One 200 answer with {@code complete: false}. */
    void partialAnswer() {
        partialAnswers.increment();
    }

    /** 2xx to 5xx; anything else (no status is outside 200..599 here) counts as 5xx rather than a fifth label. */
    static String statusClass(int status) {
        if (status >= 200 && status < 300) {
            return "2xx";
        }
        if (status >= 300 && status < 400) {
            return "3xx";
        }
        if (status >= 400 && status < 500) {
            return "4xx";
        }
        return "5xx";
    }

    private static Timer timer(MeterRegistry registry, String statusClass) {
        return Timer.builder(SloBuckets.REQUEST)
                .description("Answers to GET /snapshots, from the router's first look at the request to the last byte "
                        + "sent, by status class")
                .tags("status_class", statusClass)
                .register(registry);
    }
}
