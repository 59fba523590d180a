package io.snapshotgateway.provider.alibaba;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.snapshotgateway.crypto.Hashing;
import io.snapshotgateway.provider.support.QueryStrings;
import io.snapshotgateway.source.AccessKey;
import io.snapshotgateway.source.Endpoints;

/**
 * Signs every request of one Alibaba client with {@code ACS3-HMAC-SHA256}. The API interface declares
 * {@code x-acs-action} and {@code x-acs-version}; this filter adds date, nonce, payload hash, token and the
 * Authorization header, signing {@code host} and every {@code x-acs-*} header. Requests carry no body.
 */
public final class AlibabaV3SigningFilter implements ClientRequestFilter {
    private static final DateTimeFormatter ACS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final AccessKey credentials;
    private final Clock clock;
    private final Supplier<String> nonces;

    public AlibabaV3SigningFilter(AccessKey credentials) {
        this(credentials, Clock.systemUTC(), () -> UUID.randomUUID().toString().replace("-", ""));
    }

    public AlibabaV3SigningFilter(AccessKey credentials, Clock clock, Supplier<String> nonces) {
        this.credentials = credentials;
        this.clock = clock;
        this.nonces = nonces;
    }

    @Override
    public void filter(ClientRequestContext request) {
        URI uri = request.getUri();
        Map<String, String> signed = new HashMap<>();
        request.getHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                signed.put(name.toLowerCase(Locale.ROOT), String.valueOf(values.get(0)));
            }
        });
        put(request, signed, "x-acs-date", ACS_DATE.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        put(request, signed, "x-acs-signature-nonce", nonces.get());
        put(request, signed, "x-acs-content-sha256", Hashing.EMPTY_SHA256_HEX);
        if (credentials.securityToken() != null) {
            put(request, signed, "x-acs-security-token", credentials.securityToken());
        }
        signed.put("host", Endpoints.hostHeader(uri));

        String canonical = AlibabaSignatures.v3CanonicalRequest(request.getMethod(), "/",
                QueryStrings.parse(uri.getRawQuery()), signed, Hashing.EMPTY_SHA256_HEX);
        String signature = AlibabaSignatures.v3Signature(credentials.secret(),
                AlibabaSignatures.v3StringToSign(canonical));
        String signedHeaders = String.join(";", AlibabaSignatures.v3SignedHeaders(signed).keySet());
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION,
                AlibabaSignatures.v3Authorization(credentials.id(), signedHeaders, signature));
    }

    private static void put(ClientRequestContext request, Map<String, String> signed, String name, String value) {
        request.getHeaders().put(name, List.of(value));
        signed.put(name, value);
    }
}
