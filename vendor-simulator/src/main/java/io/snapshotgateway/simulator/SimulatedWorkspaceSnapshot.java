package io.snapshotgateway.simulator;

import java.time.Instant;

/** One generated Workspace desktop snapshot; null fields are left out of the JSON, as the vendor does. */
record SimulatedWorkspaceSnapshot(
        String snapshotId,
        String snapshotName,
        String desktopId,
        String desktopName,
        String desktopSid,
        String desktopPoolId,
        boolean systemDisk,
        String status,
        Integer process,
        String description,
        Instant createTime,
        String createType,
        Instant lastRestoreTime,
        String restoreFailReason) {
}
