package io.snapshotgateway.provider.support;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.config.GatewayConfig;
import io.snapshotgateway.provider.CallGuard;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamFailures;
import io.snapshotgateway.source.AccessKey;
import io.snapshotgateway.source.ConfiguredSources;
import io.snapshotgateway.source.Endpoints;
import io.snapshotgateway.source.SourceCredentials;

/**
 * The skeleton every vendor adapter is built on, written once: one signed REST client per scope, the call timeout,
 * the source's call guard, failure translation and the tail of a listing (mapped, each id once). An adapter keeps
 * only what differs: its {@link VendorApi}, its parameters, its paging shape and its mapper.
 */
public final class VendorAdapter<A> {
    private final VendorApi<A> api;
    private final GatewayConfig.Fetch fetch;
    private final ConfiguredSources sources;
    private final SourceCredentials credentials;
    private final CallGuard guard;
    private final VendorCallSpans spans;
    private final VendorCallMetrics callMetrics;
    private final NormalizationMetrics normalization;
    private final Duration callTimeout;
    private final Map<Scope, A> clients = new ConcurrentHashMap<>();

    VendorAdapter(VendorApi<A> api, GatewayConfig.Fetch fetch, ConfiguredSources sources,
            SourceCredentials credentials, CallGuard guard, VendorCallSpans spans, VendorCallMetrics callMetrics,
            NormalizationMetrics normalization) {
        this.api = api;
        this.fetch = fetch;
        this.sources = sources;
        this.credentials = credentials;
        this.guard = guard;
        this.spans = spans;
        this.callMetrics = callMetrics;
        this.normalization = normalization;
        this.callTimeout = fetch.timeout();
    }

    /** Every numbered page of one listing of {@code scope} (see {@link Paging#numbered}), mapped, each id once. */
    public <V> Uni<List<Snapshot>> numbered(Scope scope,
            BiFunction<Calls<A>, Integer, Uni<Paging.NumberedPage<V>>> page, Function<V, Snapshot> mapper) {
        Calls<A> calls = calls(scope);
        return finish(scope, Paging.numbered(index -> page.apply(calls, index), calls.pageSize(),
                fetch.pageConcurrency(), fetch.maxPages()), mapper);
    }

    /** Every token page of one listing of {@code scope} (see {@link Paging#tokened}), mapped, each id once. */
    public <V> Uni<List<Snapshot>> tokened(Scope scope, BiFunction<Calls<A>, String, Uni<Paging.TokenPage<V>>> page,
            Function<V, Snapshot> mapper) {
        Calls<A> calls = calls(scope);
        return finish(scope, Paging.tokened(token -> page.apply(calls, token), fetch.maxPages()), mapper);
    }

    // All pages of a listing share its client and its deadline, which starts here.
    private Calls<A> calls(Scope scope) {
        return new Calls<>(scope, client(scope), guard.listing(scope), spans, callMetrics, callTimeout,
                Math.min(fetch.pageSize(), api.maxPageSize()));
    }

    // The aggregator reports each source's failure: vendor and transport failures leave here classified.
    private <V> Uni<List<Snapshot>> finish(Scope scope, Uni<List<V>> entries, Function<V, Snapshot> mapper) {
        return entries.map(all -> all.stream().map(mapper).toList())
                .invoke(mapped -> normalization.count(scope.provider(), api.keptRaw(), mapped))
                .map(Listings::distinctById)
                .onFailure().transform(UpstreamFailures::asUpstream);
    }

    // A scope is exactly what a client depends on: the source (endpoint, key), the region and Huawei's project.
    private A client(Scope scope) {
        return clients.computeIfAbsent(scope, this::build);
    }

    private A build(Scope scope) {
        AccessKey key = credentials.accessKey(scope.source());
        URI base = Endpoints.resolve(sources.get(scope.source()).orElseThrow().endpoint(), scope.region(),
                api.publicHost().apply(scope.region()));
        // The call timeout is Calls#call's deadline, which cancels the request; the client's own timeouts are set to
        // it only so that its defaults (connect 15 s, read 30 s) never cut a longer call timeout short.
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                // http_client_requests_seconds{clientName=<provider id>}: ECS and EDS share a path ("/"), and without
                // a name Quarkus tags every programmatic client "none". The "rest-client|" prefix is what Quarkus
                // reads the name after.
                .httpClientOptionsCustomizer(options -> options.setMetricsName("rest-client|" + scope.provider().id()))
                .connectTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .register(api.signer().filter(key, scope))
                .register(new ResponseSizeLimit(fetch.maxResponseBytes().asLongValue()))
                .register(new UpstreamErrorMapper(key.secrets(), api.errors()))
                .build(api.client());
    }

    /** The vendor calls of one listing of one scope. */
    public static final class Calls<A> {
        private final Scope scope;
        private final A client;
        private final CallGuard.Listing guarded;
        private final VendorCallSpans spans;
        private final VendorCallMetrics metrics;
        private final Duration callTimeout;
        private final int pageSize;
        private final AtomicInteger made = new AtomicInteger();

        private Calls(Scope scope, A client, CallGuard.Listing guarded, VendorCallSpans spans,
                VendorCallMetrics metrics, Duration callTimeout, int pageSize) {
            this.scope = scope;
            this.client = client;
            this.guarded = guarded;
            this.spans = spans;
            this.metrics = metrics;
            this.callTimeout = callTimeout;
            this.pageSize = pageSize;
        }

        /** Entries to ask per page: the configured page size, capped at the vendor's own largest. */
        public int pageSize() {
            return pageSize;
        }

        /**
         * One guarded vendor call on the scope's client; a call longer than the call timeout fails as one. Its span
         * numbers it within the listing (pages are asked in order, so the n-th call is the n-th page).
         */
        public <R> Uni<R> call(Function<A, Uni<R>> request) {
            int page = made.incrementAndGet();
            return guarded.call(() -> attempt(page, request));
        }

        /**
         * One vendor HTTP call, made when subscribed: once, and again for each retry, each time after the call budget
         * and the concurrency bound let it through. The one place that sees a single call whole, with its scope:
         * {@link VendorCallMetrics} times it and {@link VendorCallSpans} gives it its span (retries of a page are
         * spans of the same page).
         */
        private <R> Uni<R> attempt(int page, Function<A, Uni<R>> request) {
            return metrics.observe(scope, spans.traced(scope, page, () -> request.apply(client))
                    .ifNoItem().after(callTimeout).failWith(TimeoutException::new));
        }
    }
}
