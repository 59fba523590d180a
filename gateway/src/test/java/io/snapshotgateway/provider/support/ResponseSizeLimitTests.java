package io.snapshotgateway.provider.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Proxy;

import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;

import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.UpstreamFailure;

/**
 * An oversized vendor answer is refused on its announced length, before its body is read. (WireMock, in the version
 * here, answers chunked whatever its options say, so this is checked on the filter itself.)
 */
class ResponseSizeLimitTests {
    private final ResponseSizeLimit limit = new ResponseSizeLimit(1024);

    @Test
    void refusesAnAnnouncedLengthOverTheLimit() {
        Throwable refused = catchThrowable(() -> limit.filter(null, response("1025")));

        assertThat(refused).isInstanceOf(UpstreamException.class);
        UpstreamFailure failure = ((UpstreamException) refused).failure();
        assertThat(failure.type()).isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);
        assertThat(failure.detail()).contains("1025 bytes").contains("max-response-bytes");
    }

    @Test
    void letsThroughWhatFitsWhatAnnouncesNothingAndWhatHasNoHeaders() {
        assertThatCode(() -> limit.filter(null, response("1024"))).doesNotThrowAnyException();
        assertThatCode(() -> limit.filter(null, response(null))).doesNotThrowAnyException();
        assertThatCode(() -> limit.filter(null, response("not-a-number"))).doesNotThrowAnyException();
        assertThatCode(() -> limit.filter(null, (ClientResponseContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{ClientResponseContext.class}, (p, m, a) -> null)))
                .doesNotThrowAnyException();
    }

    private ClientResponseContext response(String contentLength) {
        MultivaluedHashMap<String, String> headers = new MultivaluedHashMap<>();
        if (contentLength != null) {
            headers.add("Content-Length", contentLength);
        }
        return (ClientResponseContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ClientResponseContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> headers;
                    case "getHeaderString" -> headers.getFirst((String) args[0]);
                    default -> null;
                });
    }
}
