package io.snapshotgateway.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * The histogram buckets of the gateway's latency timers, chosen once here: Quarkus applies this filter to every
 * registry, so the timers themselves only name what they measure.
 *
 * <p>
 * Buckets are explicit service-level objectives, few and fixed. Fixed, not derived from configuration: {@code
 * histogram_quantile} over {@code sum by (le)} needs the same {@code le} set on every replica, also while a rollout
 * changes a timeout. Few: Micrometer's percentile histogram would add about 70 buckets per series, times every
 * provider, source, region and outcome. Each set spans what the timer can see, from what a healthy answer takes to
 * the longest the gateway waits, so an SLO threshold is always a bucket edge:
 * <ul>
 * <li>one vendor call: 25 ms (a vendor in the same region) to 10 s ({@code gateway.fetch.timeout}'s default) and 30 s
 * (the listing timeout's default, which bounds a call whose timeout is set higher);</li>
 * <li>one whole listing (all pages): 50 ms to 30 s ({@code gateway.fetch.listing-timeout}'s default) and 60 s;</li>
 * <li>a {@code GET /snapshots} answer: 0.5 ms (a rendered answer reused from memory) to 30 s (a request that waits
 * for a scope's first listing, bounded by the listing timeout).</li>
 * </ul>
 */
@Singleton
public class SloBuckets {
    /** {@code snapshot_gateway_vendor_call_seconds}: one vendor HTTP call. */
    public static final String VENDOR_CALL = "snapshot_gateway_vendor_call";
    /** {@code snapshot_gateway_vendor_fetch_seconds}: one whole listing of a scope. */
    public static final String VENDOR_FETCH = "snapshot_gateway_vendor_fetch";
    /** {@code snapshot_gateway_request_seconds}: one answer to {@code GET /snapshots}. */
    public static final String REQUEST = "snapshot_gateway_request";
    /**
     * {@code http_client_requests_seconds}: Quarkus's own timer of the vendor REST clients (by {@code clientName}), on
     * the vendor call's buckets, so the dashboard can show its quantiles per product.
     */
    public static final String HTTP_CLIENT = "http.client.requests";

    static final Map<String, Duration[]> BUCKETS = Map.of(
            VENDOR_CALL, millis(25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000),
            HTTP_CLIENT, millis(25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000),
            VENDOR_FETCH, millis(50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000),
            REQUEST, micros(500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000,
                    2_500_000, 5_000_000, 10_000_000, 30_000_000));

    /** The filter giving each timer above its buckets, and no others (no percentile histogram, no percentiles). */
    @Produces
    @Singleton
    MeterFilter sloBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                Duration[] buckets = BUCKETS.get(id.getName());
                if (buckets == null || id.getType() != Meter.Type.TIMER) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(false)
                        // timers keep nanoseconds; the Prometheus registry writes the edges in seconds
                        .serviceLevelObjectives(Arrays.stream(buckets).mapToDouble(Duration::toNanos).toArray())
                        .build().merge(config);
            }
        };
    }

    private static Duration[] millis(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofMillis).toArray(Duration[]::new);
    }

    private static Duration[] micros(long... values) {
        return Arrays.stream(values).mapToObj(v -> Duration.ofNanos(v * 1_000)).toArray(Duration[]::new);
    }
}
