package io.snapshotgateway.provider.huawei;

import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.snapshotgateway.crypto.Hashing;
import io.snapshotgateway.provider.support.QueryStrings;
import io.snapshotgateway.source.AccessKey;
import io.snapshotgateway.source.Endpoints;

/**
 * Signs every request of one Huawei client (one project) with {@code SDK-HMAC-SHA256}: adds {@code X-Sdk-Date},
 * {@code X-Project-Id}, {@code X-Security-Token} for a temporary key, and the Authorization header. Only those and
 * {@code host} are signed, so nothing the HTTP client adds on its way out (User-Agent, Accept) can break the
 * signature. Requests carry no body.
 */
public final class HuaweiSigningFilter implements ClientRequestFilter {
    private final AccessKey credentials;
    private final String projectId;
    private final Clock clock;

    public HuaweiSigningFilter(AccessKey credentials, String projectId) {
        this(credentials, projectId, Clock.systemUTC());
    }

    public HuaweiSigningFilter(AccessKey credentials, String projectId, Clock clock) {
        this.credentials = credentials;
        this.projectId = projectId;
        this.clock = clock;
    }

    @Override
    public void filter(ClientRequestContext request) {
        URI uri = request.getUri();
        String date = HuaweiSignatures.SDK_DATE.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("host", Endpoints.hostHeader(uri));
        put(request, signed, "X-Sdk-Date", date);
        put(request, signed, "X-Project-Id", projectId);
        if (credentials.securityToken() != null) {
            put(request, signed, "X-Security-Token", credentials.securityToken());
        }
        String canonical = HuaweiSignatures.canonicalRequest(request.getMethod(), uri.getPath(),
                QueryStrings.parse(uri.getRawQuery()), signed, Hashing.EMPTY_SHA256_HEX);
        String signature = HuaweiSignatures.signature(credentials.secret(),
                HuaweiSignatures.stringToSign(date, canonical));
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, HuaweiSignatures.authorization(credentials.id(),
                HuaweiSignatures.signedHeaderNames(signed), signature));
    }

    private static void put(ClientRequestContext request, Map<String, String> signed, String name, String value) {
        request.getHeaders().putSingle(name, value);
        signed.put(name, value);
    }
}
