package io.snapshotgateway.provider;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How creation-time bounds are pushed down to a vendor: widened to whole UTC days. A dashboard's rolling window
 * ("the last 24 hours", polled every minute) then maps to one vendor listing a day, which the cache can serve, and
 * the wider window is always a superset that the gateway trims to the second.
 */
public final class TimeWindows {
    private TimeWindows() {
    }

    public static Instant startOfDay(Instant after) {
        return after.truncatedTo(ChronoUnit.DAYS);
    }

    /** The first midnight at or after {@code before}. */
    public static Instant endOfDay(Instant before) {
        Instant day = before.truncatedTo(ChronoUnit.DAYS);
        return day.equals(before) ? before : day.plus(1, ChronoUnit.DAYS);
    }
}
