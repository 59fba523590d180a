package io.snapshotgateway.provider;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.snapshotgateway.GatewayConfig;

/** Builds one reactive REST client per (source, region): its base URL, timeouts, signer and error mapper. */
public final class VendorClients {
    private VendorClients() {
    }

    public static <T> T build(Class<T> api, URI baseUri, GatewayConfig.Fetch fetch, Object signingFilter,
            Object errorMapper) {
        Duration timeout = fetch.timeout();
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .register(signingFilter)
                .register(new ResponseSizeLimit(fetch.maxResponseBytes().asLongValue()))
                .register(errorMapper)
                .build(api);
    }
}
