package io.snapshotgateway.simulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;

/** Reading request parameters the way the simulated vendors do. */
final class SimulatedParams {
    private SimulatedParams() {
    }

    /** Alibaba's filter times: {@code yyyy-MM-ddTHH:mmZ}, seconds optional, Z or an offset. */
    private static final DateTimeFormatter VENDOR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss]XXX");

    /** A vendor timestamp, or null when it is not one. */
    static Instant time(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim(), VENDOR_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean present(Map<String, String> params, String name) {
        return params.get(name) != null && !params.get(name).isEmpty();
    }

    /** An integer parameter in {@code min..max}, the fallback when absent, else the vendor's own invalid error. */
    static int intParam(Map<String, String> params, String name, int fallback, int min, int max,
            Function<String, RuntimeException> invalid) {
        if (!present(params, name)) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(params.get(name));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the vendor answers a non-number like an out-of-range one
        }
        throw invalid.apply(name);
    }
}
