package io.snapshotgateway.simulator;

import java.util.Map;
import java.util.function.Function;

/** Reading request parameters the way the simulated vendors do. */
final class SimulatedParams {
    private SimulatedParams() {
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
