package io.snapshotgateway.observability;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.MDC;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request on the public port an id: the caller's {@code X-Request-Id} when it is a plain token, else a
 * new one. It is returned in the response header, put in the MDC (so every log line of the request carries it as
 * {@code request_id}) and read by problem documents.
 */
@Singleton
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String KEY = "request_id";
    /**
     * What a caller's id may be: a UUID, a W3C trace id, an Envoy or ALB id all fit. Anything else (too long, spaces,
     * quotes, control characters) is replaced, never echoed: it would go into headers and every log line.
     */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:+/=-]{1,128}");
    private static final HexFormat HEX = HexFormat.of();

    // Before every other route (priority 1 observes the router first; routes of one order run as registered).
    void install(@Observes @Priority(1) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::assign);
    }

    void assign(RoutingContext ctx) {
        String id = accepted(ctx.request().getHeader(HEADER)).orElseGet(RequestIds::generate);
        remember(ctx, id);
        ctx.next();
    }

    /** The id of the request being handled on this Vert.x context, if any. */
    public static Optional<String> current() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return Optional.empty();
        }
        return Optional.ofNullable(context.getLocal(KEY));
    }

    /** The id of {@code ctx}'s request, given one now if no route gave it one (a request refused before routing). */
    public static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        if (id == null) {
            id = generate();
            remember(ctx, id);
        }
        return id;
    }

    static Optional<String> accepted(String offered) {
        return Optional.ofNullable(offered).filter(v -> ACCEPTED.matcher(v).matches());
    }

    static String generate() {
        // An id to correlate, not a secret: 128 random bits without SecureRandom's lock on the request path.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }

    private static void remember(RoutingContext ctx, String id) {
        ctx.put(KEY, id);
        if (!ctx.response().headWritten()) {
            ctx.response().putHeader(HEADER, id);
        }
        Context context = Vertx.currentContext();
        // Only on the request's own (duplicated) context: the MDC lives there and ends with the request. On a shared
        // context it would stick to the event loop and stamp other requests' lines.
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            context.putLocal(KEY, id);
            MDC.put(KEY, id);
        }
    }
}
