package io.snapshotgateway.provider.support;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.jboss.resteasy.reactive.RestResponse;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamFailures;

/**
 * One span per vendor call (a page, or an instance lookup), with what an operator searches traces by. The vendor
 * request is sent while the span is current, so the REST client's own span (and the {@code traceparent} the vendor
 * receives) is its child.
 */
@Singleton
public class VendorCallSpans {
    public static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("snapshot_gateway.provider");
    public static final AttributeKey<String> SOURCE = AttributeKey.stringKey("snapshot_gateway.source");
    public static final AttributeKey<String> REGION = AttributeKey.stringKey("cloud.region");
    public static final AttributeKey<Long> PAGE = AttributeKey.longKey("snapshot_gateway.page");
    public static final AttributeKey<String> VENDOR_REQUEST_ID = AttributeKey
            .stringKey("snapshot_gateway.vendor_request_id");
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    /** The vendor's request-id header where its body carries none (Huawei). */
    private static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final Tracer tracer;

    public VendorCallSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** {@code call} (not yet subscribed) as the {@code page}-th call of a listing of {@code scope}, in its span. */
    public <R> Uni<R> traced(Scope scope, int page, Supplier<Uni<R>> call) {
        return Uni.createFrom().emitter(emitter -> {
            Span span = tracer.spanBuilder(scope.provider().id() + " page").setSpanKind(SpanKind.INTERNAL)
                    .setAttribute(PROVIDER, scope.provider().id())
                    .setAttribute(SOURCE, scope.source())
                    .setAttribute(REGION, scope.region())
                    .setAttribute(PAGE, (long) page)
                    .startSpan();
            AtomicBoolean ended = new AtomicBoolean();
            Cancellable request;
            try (io.opentelemetry.context.Scope current = span.makeCurrent()) {
                request = call.get().subscribe().with(item -> {
                    if (ended.compareAndSet(false, true)) {
                        vendorRequestId(item).ifPresent(id -> span.setAttribute(VENDOR_REQUEST_ID, id));
                        span.end();
                    }
                    emitter.complete(item);
                }, failure -> {
                    if (ended.compareAndSet(false, true)) {
                        failed(span, failure);
                    }
                    emitter.fail(failure);
                });
            }
            emitter.onTermination(() -> {
                // cancelled (a listing given up at its deadline): the request is cancelled too
                if (ended.compareAndSet(false, true)) {
                    span.setStatus(StatusCode.ERROR, "cancelled").setAttribute(ERROR_TYPE, "cancelled").end();
                    request.cancel();
                }
            });
        });
    }

    private static void failed(Span span, Throwable failure) {
        UpstreamFailures.recognize(failure).ifPresentOrElse(f -> {
            span.setAttribute(ERROR_TYPE, f.type().slug());
            if (f.vendorRequestId() != null) {
                span.setAttribute(VENDOR_REQUEST_ID, f.vendorRequestId());
            }
        }, () -> span.setAttribute(ERROR_TYPE, failure.getClass().getSimpleName()));
        // Only the type: a failure's message can quote a vendor's text, which has no place in a trace backend.
        span.setStatus(StatusCode.ERROR).end();
    }

    private static Optional<String> vendorRequestId(Object item) {
        if (item instanceof VendorResponse response) {
            return Optional.ofNullable(response.vendorRequestId());
        }
        if (item instanceof RestResponse<?> response) {
            return Optional.ofNullable(response.getHeaderString(REQUEST_ID_HEADER));
        }
        return Optional.empty();
    }
}
