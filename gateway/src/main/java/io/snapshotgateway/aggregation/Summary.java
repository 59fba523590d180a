package io.snapshotgateway.aggregation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a dashboard draws as tiles for one query: counts of the matching snapshots by each dimension (a snapshot whose
 * value did not normalize counts under {@code unknown}), their total size, the oldest and newest creation time.
 */
public record Summary(long total, long sizeGib, Instant oldestCreateTime, Instant newestCreateTime,
        Map<String, Long> byProvider, Map<String, Long> bySource, Map<String, Long> byRegion,
        Map<String, Long> byStatus, Map<String, Long> byDiskType, Map<String, Long> byCreationType,
        List<SourceOutcome> outcomes) {

    public boolean complete() {
        return SourceOutcomes.complete(outcomes);
    }
}
