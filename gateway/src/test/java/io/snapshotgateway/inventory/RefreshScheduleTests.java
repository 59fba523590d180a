package io.snapshotgateway.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Refresh times: the interval after a success, a doubling back-off after failures, both jittered within bounds. */
class RefreshScheduleTests {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration MINUTE = Duration.ofSeconds(60);

    @Test
    void jitterStaysWithinItsFractionOfTheInterval() {
        assertThat(schedule(0.1, 0.0).afterSuccess(NOW, MINUTE)).isEqualTo(NOW.plusSeconds(54));
        assertThat(schedule(0.1, 0.5).afterSuccess(NOW, MINUTE)).isEqualTo(NOW.plusSeconds(60));
        assertThat(schedule(0.1, 0.999_999).afterSuccess(NOW, MINUTE)).isBetween(NOW.plusMillis(65_999),
                NOW.plusSeconds(66));
        assertThat(schedule(0.0, 0.9).afterSuccess(NOW, MINUTE)).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aJitterAboveHalfIsCappedSoNoWaitShrinksToNothing() {
        assertThat(schedule(5, 0.0).afterSuccess(NOW, MINUTE)).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void backOffDoublesUpToItsMaximum() {
        RefreshSchedule s = schedule(0, 0.5);
        assertThat(s.afterFailure(NOW, 1, null)).isEqualTo(NOW.plusSeconds(5));
        assertThat(s.afterFailure(NOW, 2, null)).isEqualTo(NOW.plusSeconds(10));
        assertThat(s.afterFailure(NOW, 4, null)).isEqualTo(NOW.plusSeconds(40));
        assertThat(s.afterFailure(NOW, 7, null)).isEqualTo(NOW.plusSeconds(300));
        assertThat(s.afterFailure(NOW, 1_000, null)).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void neverRetriesBeforeTheVendorsRetryAfter() {
        assertThat(schedule(0, 0.5).afterFailure(NOW, 1, Duration.ofSeconds(30))).isEqualTo(NOW.plusSeconds(30));
        assertThat(schedule(0, 0.5).afterFailure(NOW, 6, Duration.ofSeconds(30))).isEqualTo(NOW.plusSeconds(160));
    }

    @Test
    void jitterNeverTakesTheBackOffPastItsMaximum() {
        assertThat(schedule(0.2, 0.999).afterFailure(NOW, 9, null)).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void backOffIsJitteredToo() {
        assertThat(schedule(0.2, 0.0).afterFailure(NOW, 2, null)).isEqualTo(NOW.plusSeconds(8));
    }

    private static RefreshSchedule schedule(double jitter, double random) {
        return new RefreshSchedule(jitter, Duration.ofSeconds(5), Duration.ofMinutes(5), () -> random);
    }
}
