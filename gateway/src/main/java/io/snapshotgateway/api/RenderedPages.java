package io.snapshotgateway.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.snapshotgateway.aggregation.ListingResult;
import io.snapshotgateway.aggregation.SourceOutcome;
import io.snapshotgateway.aggregation.Summary;
import io.snapshotgateway.config.GatewayConfig;
import io.snapshotgateway.inventory.ScopeView;
import io.snapshotgateway.problem.SourceStatus;
import io.snapshotgateway.protection.BreakerState;
import io.snapshotgateway.protection.ScopeBreakers;

/**
 * Answers rendered once and sent many times. The key is the query, the page position and the stamps of the scopes'
 * views, so an answer is reused exactly while nothing it shows can have changed; the ETag is computed once per
 * rendering and covers what a dashboard sees (not cache state or age), so it changes exactly when the content does.
 * Bounded by {@code gateway.pages.max-bytes}, least recently used first out.
 */
@ApplicationScoped
public class RenderedPages {
    private static final byte[] SOURCES = ",\"sources\":".getBytes(StandardCharsets.UTF_8);

    private final Cache<Key, RenderedPage> cache;
    private final ObjectMapper json;
    private final ObjectWriter statusesWriter;
    private final Counter reused;
    private final Counter rendered;
    private final ScopeBreakers breakers;
    private final RequestMetrics requests;

    /** What an answer depends on: the query, where the page starts, and the stamps of the scopes' views. */
    record Key(String kind, String queryDigest, int limit, String pageToken, String stamp) {
        // Written out: looked up on every request, and the generated record methods are slower.
        @Override
        public int hashCode() {
            return 31 * (31 * (31 * queryDigest.hashCode() + stamp.hashCode()) + pageToken.hashCode()) + limit;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && limit == k.limit && queryDigest.equals(k.queryDigest)
                    && stamp.equals(k.stamp) && pageToken.equals(k.pageToken) && kind.equals(k.kind);
        }
    }

    public RenderedPages(GatewayConfig config, ObjectMapper json, MeterRegistry metrics, ScopeBreakers breakers,
            RequestMetrics requests) {
        this.json = json;
        this.breakers = breakers;
        this.requests = requests;
        this.statusesWriter = json.writerFor(json.getTypeFactory().constructCollectionType(List.class,
                SourceStatus.class));
        this.cache = Caffeine.newBuilder()
                .maximumWeight(config.pages().maxBytes().asLongValue())
                .<Key, RenderedPage>weigher((key, page) -> page.weight())
                .build();
        this.reused = Counter.builder("snapshot_gateway_rendered_pages").tag("outcome", "reused")
                .description("Answers to /snapshots and /snapshots/summary: reused as rendered, or rendered")
                .register(metrics);
        this.rendered = Counter.builder("snapshot_gateway_rendered_pages").tag("outcome", "rendered")
                .description("Answers to /snapshots and /snapshots/summary: reused as rendered, or rendered")
                .register(metrics);
    }

    /** The answer for {@code key}, rendered once: concurrent requests for a missing one wait for one rendering. */
    RenderedPage get(Key key, Supplier<RenderedPage> render) {
        RenderedPage page = cache.getIfPresent(key);
        if (page != null) {
            reused.increment();
            return page;
        }
        return cache.get(key, k -> {
            rendered.increment();
            return render.get();
        });
    }

    /** 304 when the caller has it; else the body, gzip-compressed when accepted. */
    Response respond(RenderedPage page, List<ScopeView> views, String ifNoneMatch, String acceptEncoding) {
        if (ETags.matches(ifNoneMatch, page.etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, page.etag).build();
        }
        if (!page.complete) {
            requests.partialAnswer();
        }
        boolean gzip = GzipBodies.accepted(acceptEncoding);
        List<BreakerState> breakerStates = new ArrayList<>(views.size());
        views.forEach(v -> breakerStates.add(breakers.state(v.scope())));
        byte[] tail = page.tail(tailState(views, breakerStates),
                () -> bytes(statusesWriter, SourceStatuses.current(page.sources, views, breakerStates)));
        Response.ResponseBuilder response = Response.ok(page.body(tail, gzip), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, page.etag)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        return gzip ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip").build() : response.build();
    }

    /**
     * What of the views a page's {@code sources[]} shows besides its rendering: each scope's cache state, age and
     * breaker state.
     */
    private static long[] tailState(List<ScopeView> views, List<BreakerState> breakerStates) {
        long[] state = new long[views.size()];
        for (int i = 0; i < state.length; i++) {
            long breaker = (long) breakerStates.get(i).ordinal() << 56;
            state[i] = breaker | (views.get(i) instanceof ScopeView.Served s
                    ? ((long) s.cache().ordinal() << 48) | s.ageSeconds()
                    : 0xFFFF_FFFF_FFFFL);
        }
        return state;
    }

    /** {@code {"snapshots":[…],"next_page_token":…,"complete":…,"sources":} and the rest. */
    RenderedPage page(ListingResult result) {
        ByteArrayOutputStream head = new ByteArrayOutputStream(1024 + result.entries().size() * 768);
        head.writeBytes("{\"snapshots\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < result.entries().size(); i++) {
            if (i > 0) {
                head.write(',');
            }
            head.writeBytes(result.entries().get(i).entry().json());
        }
        head.write(']');
        // Tokens are base64url with one dot: nothing to escape.
        result.nextPageToken().ifPresent(token -> head
                .writeBytes((",\"next_page_token\":\"" + token + "\"").getBytes(StandardCharsets.UTF_8)));
        head.writeBytes((",\"complete\":" + result.complete()).getBytes(StandardCharsets.UTF_8));
        head.writeBytes(SOURCES);
        return rendered(head.toByteArray(), SourceStatuses.of(result.outcomes()), result.complete());
    }

    /** The summary's members, then {@code "sources":} and the rest. */
    RenderedPage summary(Summary summary) {
        byte[] body = bytes(json.writer(), SummaryBody.of(summary));
        // The record's JSON ends with '}': continue the object with sources.
        byte[] head = RenderedPage.concat(Arrays.copyOf(body, body.length - 1), SOURCES);
        return rendered(head, SourceStatuses.of(summary.outcomes()), summary.complete());
    }

    /**
     * The all-sources-failed problem for outcomes none of which was served: its {@code sources} are the entries a
     * 200 shows, breaker state included.
     */
    SourceStatuses.ProblemAndHeaders allFailed(List<SourceOutcome> outcomes, String instance) {
        return SourceStatuses.allFailed(outcomes, instance, breakers::state);
    }

    private RenderedPage rendered(byte[] head, List<SourceStatus> sources, boolean complete) {
        byte[] content = bytes(statusesWriter, sources.stream().map(SourceStatuses::content).toList());
        return new RenderedPage(head, sources, ETags.of(head, content), complete);
    }

    private static byte[] bytes(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize an answer", e);
        }
    }
}
