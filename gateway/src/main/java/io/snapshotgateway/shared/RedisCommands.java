package io.snapshotgateway.shared;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * The one place that talks to Redis: Vert.x's client (non-blocking, on the application's Vert.x) with every command
 * bounded by the command timeout, as {@link Uni}s. A plain class, so that the lease and budget tests run it against
 * a real server without starting the application. Connections are pooled and opened on demand, so a Redis that is
 * down fails commands (never start-up, never readiness) and one that comes back is used again without a restart.
 */
public final class RedisCommands implements AutoCloseable {
    private final Redis client;
    private final Duration timeout;
    private final Duration connectTimeout;

    private RedisCommands(Redis client, Duration timeout, Duration connectTimeout) {
        this.client = client;
        this.timeout = timeout;
        this.connectTimeout = connectTimeout;
    }

    public static RedisCommands connect(Vertx vertx, String url, Duration commandTimeout, Duration connectTimeout,
            int maxConnections) {
        RedisOptions options = new RedisOptions().setConnectionString(url).setMaxPoolSize(maxConnections)
                // commands wait for a free connection at most this many; past it they fail at once
                .setMaxPoolWaiting(maxConnections * 32)
                // keep-alive: a subscription on a connection a NAT or a lost node dropped silently ends, and reconnects
                .setNetClientOptions(new NetClientOptions().setConnectTimeout((int) connectTimeout.toMillis())
                        .setTcpKeepAlive(true));
        return new RedisCommands(Redis.createClient(vertx, options), commandTimeout, connectTimeout);
    }

    /** Runs one command (scripts: {@link #eval}); fails with a {@link TimeoutException} when Redis has not answered within the timeout. */
    public Uni<Response> send(Request request) {
        return Uni.createFrom().completionStage(() -> client.send(request).toCompletionStage()).ifNoItem()
                .after(timeout).failWith(() -> new TimeoutException("Redis did not answer within " + timeout));
    }

    /**
     * Runs a Lua script atomically. EVAL rather than EVALSHA: the scripts are a few hundred bytes and Redis caches
     * their compiled form by digest anyway, so there is no NOSCRIPT case to handle after a Redis restart.
     */
    public Uni<Response> eval(String script, List<String> keys, List<?> args) {
        Request request = Request.cmd(Command.EVAL).arg(script).arg(keys.size());
        keys.forEach(request::arg);
        for (Object arg : args) {
            if (arg instanceof byte[] bytes) {
                request.arg(bytes);
            } else {
                request.arg(String.valueOf(arg));
            }
        }
        return send(request);
    }

    /**
     * A connection of its own, outside the command pool's rotation, for a subscription (a subscribed connection can
     * send nothing else).
     */
    public Uni<RedisConnection> connection() {
        return Uni.createFrom().deferred(() -> {
            Future<RedisConnection> connecting = client.connect();
            return Uni.createFrom().completionStage(connecting.toCompletionStage()).ifNoItem()
                    .after(connectTimeout.plus(timeout)).failWith(() -> {
                        // one that arrives after all would be held by nobody, taken from the pool for good
                        connecting.onSuccess(RedisConnection::close);
                        return new TimeoutException("Redis did not accept a connection within "
                                + connectTimeout.plus(timeout));
                    });
        });
    }

    @Override
    public void close() {
        client.close();
    }
}
