package io.snapshotgateway.shared;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

/**
 * Redis when {@code gateway.redis.url} is set, nothing otherwise: features ask {@link #commands()} and keep today's
 * single-replica behaviour when it is empty. The client connects on first use, so start-up and readiness never wait
 * for Redis.
 *
 * <p>
 * Every feature's command goes through {@link #observed}: counted by operation and outcome, and Redis's state logged
 * once when it changes (lost, back), not once per failed command, since a Redis outage fails every command of every
 * scope each tick.
 */
@Startup
@ApplicationScoped
public class SharedRedis {
    private final SharedStateConfig config;
    private final Optional<RedisCommands> commands;
    private final MeterRegistry metrics;
    private final String holder;
    private final AtomicBoolean available = new AtomicBoolean(true);
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private static final long PROBE_EVERY_MS = 1000;
    private final Vertx vertx;
    private volatile Gauge availableGauge;
    private volatile boolean closed;

    SharedRedis(SharedStateConfig config, Vertx vertx, MeterRegistry metrics) {
        this.config = config;
        this.metrics = metrics;
        this.vertx = vertx;
        this.holder = holderName(System.getenv("HOSTNAME"));
        this.commands = config.url().filter(url -> !url.isBlank()).map(url -> {
            Log.infof("Shared state on Redis at %s (key prefix %s, this replica %s)", shown(url),
                    config.keyPrefix(), holder);
            return RedisCommands.connect(vertx, url, config.commandTimeout(), config.connectTimeout(),
                    config.maxConnections());
        });
        if (commands.isPresent()) {
            availableGauge = Gauge.builder("snapshot_gateway_redis_available", () -> available.get() ? 1 : 0)
                    .description("1 while the latest Redis command succeeded, 0 while Redis fails (replicas then list "
                            + "and budget locally); only with gateway.redis.url")
                    .register(metrics);
        }
    }

    /** The client, when shared state is configured. */
    public Optional<RedisCommands> commands() {
        return commands;
    }

    public SharedStateConfig config() {
        return config;
    }

    /**
     * This replica's name in leases: the pod name (Kubernetes sets {@code HOSTNAME}) and a random suffix, so that a
     * restarted pod of the same name is a new holder.
     */
    public String holder() {
        return holder;
    }

    /**
     * Whether to send Redis a command now: only while the latest one succeeded. While it fails, a PING a second (see
     * {@link #observed}) finds it back; a Redis that hangs rather than refusing would otherwise cost every vendor call
     * and every lease attempt the whole command timeout before its local fallback.
     */
    public boolean available() {
        return available.get();
    }

    /**
     * {@code command}, counted by {@code operation} (a fixed word: lease, publish, fetch, probe, ...) and outcome, with Redis's
     * state change logged once. The command's failure is passed on: the caller falls back and counts it with
     * {@link #fellBack}.
     */
    public <T> Uni<T> observed(String operation, Uni<T> command) {
        return command.onItemOrFailure().invoke((item, failure) -> {
            if (closed) {
                return; // the client closing under a command at shutdown is no Redis outage
            }
            if (failure == null) {
                count(operation, "ok");
                if (available.compareAndSet(false, true)) {
                    Log.infof("Redis answers again (%s): shared state resumes", operation);
                }
            } else {
                count(operation, failure instanceof TimeoutException ? "timeout" : "error");
                if (available.compareAndSet(true, false)) {
                    probeUntilBack();
                    // The failure's class and message only: Vert.x's messages name host and port, never the password.
                    Log.warnf("Redis failed (%s: %s: %s): every replica serves its own inventories and lists and "
                            + "budgets locally until Redis answers again", operation,
                            failure.getClass().getSimpleName(), failure.getMessage());
                }
            }
        });
    }

    /** PINGs Redis once a second while it fails, so that it is found back whether or not anything else asks. */
    private void probeUntilBack() {
        vertx.setPeriodic(PROBE_EVERY_MS, PROBE_EVERY_MS, id -> {
            if (available.get() || closed) {
                vertx.cancelTimer(id);
                return;
            }
            observed("probe", commands.get().send(Request.cmd(Command.PING))).subscribe().with(pong -> {
            }, failure -> {
            });
        });
    }

    /** Counts a fallback to local behaviour because Redis failed ({@code operation}: refresh, budget, force). */
    public void fellBack(String operation) {
        if (closed) {
            return;
        }
        counters.computeIfAbsent("fallback " + operation, k -> Counter.builder("snapshot_gateway_redis_fallbacks")
                .description("Times a replica did locally what shared state would have done, because Redis failed")
                .tags("operation", operation).register(metrics)).increment();
    }

    private void count(String operation, String outcome) {
        counters.computeIfAbsent(operation + " " + outcome, k -> Counter.builder("snapshot_gateway_redis_commands")
                .description("Redis commands (scripts included) by operation and outcome: ok, timeout, error")
                .tags("operation", operation, "outcome", outcome).register(metrics)).increment();
    }

    /**
     * The URL without what may be secret: scheme, host, port and database only. Not {@code Endpoints.redacted}: a
     * managed Redis's password may hold {@code /}, {@code ?} or {@code #}, and Vert.x also reads one from the query.
     */
    static String shown(String url) {
        int scheme = url.indexOf("://");
        String rest = scheme < 0 ? url : url.substring(scheme + 3);
        int at = rest.lastIndexOf('@');
        String host = at < 0 ? rest : rest.substring(at + 1);
        int query = host.indexOf('?');
        return (scheme < 0 ? "" : url.substring(0, scheme + 3)) + (at < 0 ? "" : "***@")
                + (query < 0 ? host : host.substring(0, query));
    }

    static String holderName(String hostname) {
        String host = hostname == null || hostname.isBlank() ? "gateway" : hostname.replaceAll("[^A-Za-z0-9._-]", "");
        return (host.isEmpty() ? "gateway" : host) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void close(@Observes ShutdownEvent event) {
        closed = true;
        if (availableGauge != null) {
            metrics.remove(availableGauge);
        }
        commands.ifPresent(RedisCommands::close);
    }
}
