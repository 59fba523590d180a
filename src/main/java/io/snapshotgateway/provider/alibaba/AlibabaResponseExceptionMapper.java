package io.snapshotgateway.provider.alibaba;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every non-2xx answer of an Alibaba client into a classified {@code UpstreamException}, right at the client,
 * knowing the client's own secrets so that the vendor message is sanitized against them.
 */
public final class AlibabaResponseExceptionMapper implements ResponseExceptionMapper<RuntimeException> {
    private final List<String> secrets;

    public AlibabaResponseExceptionMapper(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    @Override
    public RuntimeException toThrowable(Response response) {
        return AlibabaErrors.toException(response, secrets);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 300;
    }
}
