package io.snapshotgateway.provider.support;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapshotgateway.config.GatewayConfig;
import io.snapshotgateway.provider.CallGuard;
import io.snapshotgateway.source.ConfiguredSources;
import io.snapshotgateway.source.SourceCredentials;

/** Hands each adapter its {@link VendorAdapter}, made from what every adapter shares. */
@ApplicationScoped
public class VendorAdapters {
    private final GatewayConfig.Fetch fetch;
    private final ConfiguredSources sources;
    private final SourceCredentials credentials;
    private final CallGuard guard;
    private final VendorCallSpans spans;
    private final VendorCallMetrics calls;
    private final NormalizationMetrics normalization;

    public VendorAdapters(GatewayConfig config, ConfiguredSources sources, SourceCredentials credentials,
            CallGuard guard, VendorCallSpans spans, VendorCallMetrics calls, NormalizationMetrics normalization) {
        this.fetch = config.fetch();
        this.sources = sources;
        this.credentials = credentials;
        this.guard = guard;
        this.spans = spans;
        this.calls = calls;
        this.normalization = normalization;
    }

    /** The skeleton of the adapter of {@code api}; one per adapter, since it keeps that adapter's clients. */
    public <A> VendorAdapter<A> of(VendorApi<A> api) {
        return new VendorAdapter<>(api, fetch, sources, credentials, guard, spans, calls, normalization);
    }
}
