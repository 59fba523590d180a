package io.snapshotgateway.provider.alibaba;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import io.snapshotgateway.provider.support.QueryStrings;
import io.snapshotgateway.source.AccessKey;

/**
 * Signs every request of one Alibaba client with signature V1 (HMAC-SHA1): adds the common parameters to the query
 * string, signs the sorted query, and appends {@code Signature}. The API interface declares {@code Action} and
 * {@code Version} as query parameters. The query is rewritten with Alibaba's own percent-encoding so that what is
 * sent is exactly what was signed.
 */
public final class AlibabaV1SigningFilter implements ClientRequestFilter {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final AccessKey credentials;
    private final Clock clock;
    private final Supplier<String> nonces;

    public AlibabaV1SigningFilter(AccessKey credentials) {
        this(credentials, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    public AlibabaV1SigningFilter(AccessKey credentials, Clock clock, Supplier<String> nonces) {
        this.credentials = credentials;
        this.clock = clock;
        this.nonces = nonces;
    }

    @Override
    public void filter(ClientRequestContext request) {
        URI uri = request.getUri();
        Map<String, String> params = new LinkedHashMap<>();
        QueryStrings.parse(uri.getRawQuery()).forEach(e -> params.put(e.getKey(), e.getValue()));
        params.put("Format", "JSON");
        params.put("AccessKeyId", credentials.id());
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureVersion", "1.0");
        params.put("SignatureNonce", nonces.get());
        params.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        if (credentials.securityToken() != null) {
            params.put("SecurityToken", credentials.securityToken());
        }
        String signature = AlibabaSignatures.v1Signature(credentials.secret(),
                AlibabaSignatures.v1StringToSign(request.getMethod(), params));
        params.put("Signature", signature);
        String query = params.entrySet().stream()
                .map(e -> QueryStrings.encode(e.getKey()) + "=" + QueryStrings.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        request.setUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "?" + query));
    }
}
