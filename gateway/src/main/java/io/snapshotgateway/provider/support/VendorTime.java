package io.snapshotgateway.provider.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Parses the vendors' timestamps leniently (seconds optional, Z or an offset) into whole-second UTC instants. */
public final class VendorTime {
    private VendorTime() {
    }

    public static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    .truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            try {
                // Alibaba filter format yyyy-MM-ddTHH:mmZ has no seconds.
                return OffsetDateTime
                        .parse(v.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2})(Z|[+-].*)$", "$1:00$2"))
                        .toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
