package io.snapshotgateway.access;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.snapshotgateway.problem.Problem;
import io.snapshotgateway.problem.ProblemResponses;
import io.snapshotgateway.problem.ProblemType;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates requests to {@link RequiresApiKey} resources before anything else reads them: the key from
 * {@code Authorization: Bearer} or {@code X-API-Key}, then the key's request budget. The caller is left in the routing
 * context for the resource, and the key's name (never the key) for the access log ({@code %{d,api-key}}).
 */
public class ApiKeyFilter {
    /** Routing-context entry holding the {@link Caller}. */
    static final String CALLER = "snapshot-gateway.caller";
    /** Routing-context entry holding the key's name, for the access log. */
    public static final String KEY_NAME = "api-key";
    static final String API_KEY_HEADER = "X-API-Key";
    private static final String CHALLENGE = "Bearer realm=\"snapshot-gateway\"";

    private final ApiKeys keys;
    private final MeterRegistry metrics;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public ApiKeyFilter(ApiKeys keys, MeterRegistry metrics) {
        this.keys = keys;
        this.metrics = metrics;
    }

    /** The caller the filter admitted; fails (a bug, answered 500) if the filter did not run for this request. */
    public static Caller caller(RoutingContext context) {
        Caller caller = context.get(CALLER);
        if (caller == null) {
            throw new IllegalStateException("no caller: the API key filter did not run for this resource");
        }
        return caller;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ResourceInfo resource, HttpHeaders headers, RoutingContext context) {
        Class<?> type = resource.getResourceClass();
        if (type == null || !type.isAnnotationPresent(RequiresApiKey.class)) {
            return Optional.empty();
        }
        if (!keys.enabled()) {
            context.put(CALLER, Caller.ANONYMOUS);
            return Optional.empty();
        }
        String path = context.normalizedPath();
        String logged = io.snapshotgateway.problem.LogValues.of(path);
        Presented presented = presented(headers);
        Optional<ApiKey> key = presented.key() == null ? Optional.empty() : keys.find(presented.key());
        if (key.isEmpty()) {
            count("-", "unauthorized");
            String detail = presented.problem() != null
                    ? presented.problem()
                    : presented.key() == null
                            ? "No API key: send Authorization: Bearer <key> or X-API-Key: <key>"
                            : "The API key is not one this gateway knows";
            Log.debugf("401 on %s: %s", logged, detail);
            // RFC 6750: no error code when no key was sent at all
            String challenge = presented.problem() != null
                    ? CHALLENGE + ", error=\"invalid_request\""
                    : presented.key() == null ? CHALLENGE : CHALLENGE + ", error=\"invalid_token\"";
            return Optional.of(ProblemResponses.of(Problem.of(ProblemType.UNAUTHORIZED, detail, path),
                    Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge)));
        }
        ApiKey admitted = key.get();
        context.put(KEY_NAME, admitted.name());
        Duration wait = admitted.requests().take(System.nanoTime());
        if (!wait.isZero()) {
            count(admitted.name(), "rate_limited");
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            Log.debugf("429 on %s for key %s: retry in %d s", logged, admitted.name(), seconds);
            return Optional.of(ProblemResponses.of(Problem.of(ProblemType.TOO_MANY_REQUESTS, "API key '"
                    + admitted.name() + "' made more than gateway.auth.rate-limit allows; retry in " + seconds + " s",
                    path), Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds))));
        }
        count(admitted.name(), "admitted");
        context.put(CALLER, admitted.caller());
        return Optional.empty();
    }

    /** The key a request presents, or why what it presents cannot be read as one. */
    private record Presented(String key, String problem) {
    }

    private static Presented presented(HttpHeaders headers) {
        List<String> authorization = headers.getRequestHeader(HttpHeaders.AUTHORIZATION);
        List<String> apiKey = headers.getRequestHeader(API_KEY_HEADER);
        int given = (authorization == null ? 0 : authorization.size()) + (apiKey == null ? 0 : apiKey.size());
        if (given == 0) {
            return new Presented(null, null);
        }
        if (given > 1) {
            return new Presented(null, "Send one API key, in Authorization or X-API-Key, once");
        }
        if (apiKey != null && !apiKey.isEmpty()) {
            return new Presented(apiKey.get(0).trim(), null);
        }
        String value = authorization.get(0).trim();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return new Presented(null, "Authorization must use the Bearer scheme: Authorization: Bearer <key>");
        }
        return new Presented(value.substring(space + 1).trim(), null);
    }

    private void count(String key, String outcome) {
        counters.computeIfAbsent(key + "\n" + outcome, k -> Counter.builder("snapshot_gateway_api_requests")
                .description("Requests to /snapshots by API key name (- when none or unknown) and admission outcome")
                .tags("key", key, "outcome", outcome).register(metrics)).increment();
    }
}
