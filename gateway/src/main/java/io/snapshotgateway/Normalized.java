package io.snapshotgateway;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Parses the public (lowercase) spelling of a normalized enum value. */
final class Normalized {
    private Normalized() {
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
