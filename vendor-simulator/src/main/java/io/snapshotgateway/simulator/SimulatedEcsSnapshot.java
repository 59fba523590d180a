package io.snapshotgateway.simulator;

import java.time.Instant;

/** One generated ECS snapshot, with the instance its disk belongs to (which ECS itself does not return). */
record SimulatedEcsSnapshot(
        String snapshotId,
        String snapshotName,
        String description,
        String status,
        String progress,
        int remainTime,
        Instant creationTime,
        String snapshotType,
        String instanceId,
        String sourceDiskId,
        int sourceDiskSize,
        String sourceDiskType,
        String usage,
        boolean encrypted,
        String env) {
}
