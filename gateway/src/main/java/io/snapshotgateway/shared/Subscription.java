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
 * after every (re)subscription, for the owner to catch up by reading what it missed.
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
    private volatile RedisConnection connection;
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

    /** Whether messages arrive now; while not, the owner must poll. */
    public boolean subscribed() {
        return subscribed;
    }

    private void connect() {
        if (closed) {
            return;
        }
        shared.observed("subscribe", redis.connection().flatMap(conn -> {
            connection = conn;
            conn.handler(this::received);
            conn.exceptionHandler(failure -> lost(conn));
            conn.endHandler(ended -> lost(conn));
            return io.smallrye.mutiny.Uni.createFrom()
                    .completionStage(() -> conn.send(Request.cmd(Command.SUBSCRIBE).arg(channel)).toCompletionStage());
        })).subscribe().with(ok -> {
            subscribed = true;
            backoff = FIRST_BACKOFF;
            Log.debugf("Subscribed to Redis channel %s", channel);
            onSubscribed.run();
        }, failure -> retryLater());
    }

    private void received(Response message) {
        // ["message", channel, payload]; subscribe confirmations are ["subscribe", channel, count]
        if ((message.type() == ResponseType.PUSH || message.type() == ResponseType.MULTI) && message.size() == 3
                && "message".equals(message.get(0).toString())) {
            onMessage.accept(message.get(2).toString());
        }
    }

    private void lost(RedisConnection conn) {
        if (connection != conn || closed) {
            return;
        }
        connection = null;
        subscribed = false;
        conn.close();
        retryLater();
    }

    private void retryLater() {
        subscribed = false;
        if (closed) {
            return;
        }
        Duration wait = backoff;
        backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        vertx.setTimer(Math.max(1, wait.toMillis()), id -> connect());
    }

    @Override
    public void close() {
        closed = true;
        subscribed = false;
        RedisConnection conn = connection;
        if (conn != null) {
            conn.close();
        }
    }
}
