package io.snapshotgateway.provider.huawei;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every non-2xx answer of a Huawei client into a classified {@code UpstreamException}, right at the client,
 * knowing the client's own secrets so that the vendor message is sanitized against them.
 */
public final class HuaweiResponseExceptionMapper implements ResponseExceptionMapper<RuntimeException> {
    private final List<String> secrets;

    public HuaweiResponseExceptionMapper(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    @Override
    public RuntimeException toThrowable(Response response) {
        return HuaweiErrors.toException(response, secrets);
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 300;
    }
}
