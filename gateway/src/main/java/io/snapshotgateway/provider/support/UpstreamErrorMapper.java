package io.snapshotgateway.provider.support;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import io.snapshotgateway.provider.UpstreamException;

/**
 * Turns every non-2xx answer of one vendor client into a classified {@link UpstreamException}, right at the client,
 * knowing that client's own secrets so that the vendor message is sanitized against them.
 */
public final class UpstreamErrorMapper implements ResponseExceptionMapper<RuntimeException> {

    /** A vendor's reading of its own error responses. */
    @FunctionalInterface
    public interface Translator {
        UpstreamException translate(Response response, List<String> secrets);
    }

    private final List<String> secrets;
    private final Translator translator;

    public UpstreamErrorMapper(List<String> secrets, Translator translator) {
        this.secrets = List.copyOf(secrets);
        this.translator = translator;
    }

    @Override
    public RuntimeException toThrowable(Response response) {
        return translator.translate(response, secrets);
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 300;
    }
}
