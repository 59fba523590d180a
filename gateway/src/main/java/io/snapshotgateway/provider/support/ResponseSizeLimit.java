package io.snapshotgateway.provider.support;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.UpstreamFailure;

/**
 * Refuses a vendor response that announces more bytes than any page of a listing can need, before its body is read:
 * a vendor (or a proxy in between) gone wrong must not fill the gateway's heap. A chunked response announces no
 * length; its size is then bounded only by the client's timeout.
 */
public final class ResponseSizeLimit implements ClientResponseFilter {
    private final long maxBytes;

    private static long announced(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public ResponseSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        long length = response.getHeaders() == null ? -1 : announced(response.getHeaderString("Content-Length"));
        if (length > maxBytes) {
            throw new UpstreamException(UpstreamFailure.of(ProblemType.UPSTREAM_UNAVAILABLE, "the vendor's response "
                    + "announces " + length + " bytes, more than gateway.fetch.max-response-bytes (" + maxBytes + ")"));
        }
    }
}
