package io.snapshotgateway.provider.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query parameters of one vendor call, in the order put. Names come only from the API's parameter enum: a
 * misspelt name does not compile, where a misspelt string would silently drop a filter.
 */
public final class VendorQuery<P extends Enum<P> & VendorParameter> {
    private final Map<String, String> values = new LinkedHashMap<>();

    public VendorQuery<P> put(P parameter, String value) {
        values.put(parameter.wireName(), value);
        return this;
    }

    public VendorQuery<P> put(P parameter, int value) {
        return put(parameter, Integer.toString(value));
    }

    /** Puts {@code value} unless it is null: a filter not asked for is not sent at all. */
    public VendorQuery<P> putIfPresent(P parameter, String value) {
        return value == null ? this : put(parameter, value);
    }

    /** The parameters by wire name, as the REST client sends them. */
    public Map<String, String> toMap() {
        return Collections.unmodifiableMap(values);
    }
}
