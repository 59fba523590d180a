package io.snapshotgateway.provider.support;

/** Parsing of small values the vendors share. */
public final class VendorValues {
    private VendorValues() {
    }

    /** {@code "100%"}, {@code "100"} or {@code 100} to 100; anything outside 0..100 or not a number to null. */
    public static Integer percent(Object vendor) {
        if (vendor == null) {
            return null;
        }
        try {
            int p = Integer.parseInt(vendor.toString().trim().replace("%", "").trim());
            return p >= 0 && p <= 100 ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
