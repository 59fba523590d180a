package io.snapshotgateway.shared;

import java.time.Duration;
import java.util.function.Consumer;

import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

/**
 * A Redis pub/sub subscription to one channel that keeps itself up: on a lost connection it reconnects with a doubling
 * back-off (at most {@code maxBackoff}). Messages published while it was down are lost, so {@code onSubscribed} runs
 * after every (re)subscription Redis confirmed, for the owner to catch up by reading what it missed.
 *
 * <p>
 * One connection at a time: a connection attempt under way, or one already up, stops another from starting; a
 * connection that is not the current one (late, or after {@link #close()}) is closed, never kept.
 */
public final class Subscription implements AutoCloseable {
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final RedisCommands redis;
    private final SharedRedis shared;
    private final Vertx vertx;
    private final String channel;
    private final Consumer<String> onMessage;
    private final Runnable onSubscribed;
    private final Duration maxBackoff;
    private RedisConnection connection;
    private boolean connecting;
    private boolean retryPending;
    private volatile boolean subscribed;
    private volatile boolean closed;
    private Duration backoff = FIRST_BACKOFF;

    public Subscription(RedisCommands redis, SharedRedis shared, Vertx vertx, String channel,
            Consumer<String> onMessage, Runnable onSubscribed, Duration maxBackoff) {
        this.redis = redis;
        this.shared = shared;
        this.vertx = vertx;
        this.channel = channel;
        this.onMessage = onMessage;
        this.onSubscribed = onSubscribed;
        this.maxBackoff = maxBackoff;
    }

    public void start() {
        connect();
    }

    /** Whether Redis confirmed the subscription on the current connection. */
    public boolean subscribed() {
        return subscribed;
    }

    private synchronized void connect() {
        retryPending = false;
        if (closed || connecting || connection != null) {
            return;
        }
        connecting = true;
        shared.observed("subscribe", redis.connection()).subscribe().with(this::connected, failure -> {
            synchronized (this) {
                connecting = false;
            }
            retryLater();
        });
    }

    private void connected(RedisConnection conn) {
        synchronized (this) {
            connecting = false;
            if (closed || connection != null) {
                conn.close();
                return;
            }
            connection = conn;
        }
        conn.handler(message -> received(conn, message));
        conn.exceptionHandler(failure -> lost(conn));
        conn.endHandler(ended -> lost(conn));
        conn.send(Request.cmd(Command.SUBSCRIBE).arg(channel)).onFailure(failure -> lost(conn));
    }

    private void received(RedisConnection conn, Response message) {
        // ["message", channel, payload]; the confirmation is ["subscribe", channel, count]. RESP3 pushes, RESP2 arrays.
        if ((message.type() != ResponseType.PUSH && message.type() != ResponseType.MULTI) || message.size() != 3) {
            return;
        }
        String kind = message.get(0).toString();
        if ("message".equals(kind)) {
            onMessage.accept(message.get(2).toString());
        } else if ("subscribe".equals(kind)) {
            synchronized (this) {
                if (connection != conn) {
                    return;
                }
                subscribed = true;
                backoff = FIRST_BACKOFF;
            }
            Log.debugf("Subscribed to Redis channel %s", channel);
            onSubscribed.run();
        }
    }

    private void lost(RedisConnection conn) {
        synchronized (this) {
            if (connection != conn) {
                return;
            }
            connection = null;
            subscribed = false;
        }
        conn.close();
        retryLater();
    }

    private synchronized void retryLater() {
        subscribed = false;
        if (closed || retryPending) {
            return;
        }
        retryPending = true;
        Duration wait = backoff;
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
        vertx.setTimer(Math.max(1, wait.toMillis()), id -> connect());
    }

    @Override
    public void close() {
        RedisConnection conn;
        synchronized (this) {
            closed = true;
            subscribed = false;
            conn = connection;
            connection = null;
        }
        if (conn != null) {
            conn.close();
        }
    }
}
