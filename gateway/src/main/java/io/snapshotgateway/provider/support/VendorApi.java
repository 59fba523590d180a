package io.snapshotgateway.provider.support;

import java.util.Map;
import java.util.function.UnaryOperator;

import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.source.AccessKey;

/**
 * What the adapter skeleton ({@link VendorAdapter}) needs to know of one vendor API to call it: its REST
 * client interface, its largest page, the public host of a region, how a scope's requests are signed and how the
 * vendor's error answers read.
 *
 * @param client the REST client interface
 * @param maxPageSize the vendor's own largest page; {@code gateway.fetch.page-size} is capped at it
 * @param publicHost region id to the vendor's public host for it, used when the source sets no endpoint
 * @param signer the request filter signing one scope's calls
 * @param errors the vendor's reading of its own error answers
 * @param keptRaw where the mapper keeps a vendor value that did not normalize, by the field it was for (the status is
 *        always in {@code vendor_status}); what {@link NormalizationMetrics} counts
 */
public record VendorApi<A>(Class<A> client, int maxPageSize, UnaryOperator<String> publicHost, Signer signer,
        UpstreamErrorMapper.Translator errors, Map<NormalizedField, String> keptRaw) {

    /** Makes the request filter that signs the calls of one scope with its source's key. */
    @FunctionalInterface
    public interface Signer {
        Object filter(AccessKey key, Scope scope);
    }
}
