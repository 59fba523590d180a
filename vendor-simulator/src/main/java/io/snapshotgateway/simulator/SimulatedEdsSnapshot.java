package io.snapshotgateway.simulator;

import java.time.Instant;

/** One generated EDS snapshot. */
record SimulatedEdsSnapshot(
        String snapshotId,
        String snapshotName,
        String description,
        String desktopId,
        String desktopName,
        String status,
        String progress,
        int remainTime,
        Instant creationTime,
        String creator,
        String snapshotType,
        String sourceDiskType,
        int sourceDiskSize) {
}
