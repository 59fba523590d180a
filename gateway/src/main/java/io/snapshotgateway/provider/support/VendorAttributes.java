package io.snapshotgateway.provider.support;

import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the vendor fields that have no normalized home, keyed by the vendor's own field names, so that nothing the
 * vendor returned is lost. Absent (null) fields are left out.
 */
public final class VendorAttributes {
    private final Map<String, Object> attributes = new TreeMap<>();

    public VendorAttributes put(String vendorField, Object value) {
        if (value != null) {
            attributes.put(vendorField, value);
        }
        return this;
    }

    /** Keeps a raw vendor value whose normalized field came out null, so the value is not lost. */
    public VendorAttributes keepIfUnnormalized(Object normalized, String vendorField, Object raw) {
        return normalized == null ? put(vendorField, raw) : this;
    }

    public VendorAttributes putAll(Map<String, Object> undocumented) {
        undocumented.forEach(this::put);
        return this;
    }

    public Map<String, Object> build() {
        return attributes;
    }
}
