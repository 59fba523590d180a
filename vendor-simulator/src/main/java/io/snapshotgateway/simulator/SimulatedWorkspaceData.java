package io.snapshotgateway.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Deterministic Workspace desktop snapshots, in the style of {@link SimulatedData#ecs}: the same region and size
 * always give the same snapshots. Every twelve snapshots hold all six vendor statuses, both creation types and both
 * disk kinds, over five desktops (one of them in a desktop pool).
 */
final class SimulatedWorkspaceData {
    private static final int DESKTOPS = 5;

    private SimulatedWorkspaceData() {
    }

    static List<SimulatedWorkspaceSnapshot> snapshots(String region, int count) {
        List<SimulatedWorkspaceSnapshot> snapshots = new ArrayList<>(count);
        long offset = SimulatedData.regionOffsetMinutes("workspace", region);
        for (int i = 0; i < count; i++) {
            int desktop = i % DESKTOPS;
            String desktopName = "wks-" + region + "-" + (desktop + 1);
            boolean auto = i % 3 == 0;
            boolean system = i % 4 != 3;
            Instant created = SimulatedData.LATEST.minus(offset + i * 157L, ChronoUnit.MINUTES);
            String status = status(i);
            boolean restored = status.startsWith("restor");
            snapshots.add(new SimulatedWorkspaceSnapshot(
                    uuid("workspace/" + region + "/snapshot/" + i),
                    auto
                            ? "AUTOCREATED_" + desktopName + "_" + created.toEpochMilli()
                            : (system ? "sys" : "data") + "-" + desktopName + "-" + i,
                    uuid("workspace/" + region + "/desktop/" + desktop),
                    desktopName,
                    uuid("workspace/" + region + "/sid/" + desktop),
                    desktop == DESKTOPS - 1 ? uuid("workspace/" + region + "/pool") : null,
                    system,
                    status,
                    status.equals("creating") || status.equals("restoring") ? 10 + (i * 7) % 80 : null,
                    auto ? "Scheduled snapshot." : "Manual snapshot " + i + ".",
                    created,
                    auto ? "AUTO" : "MANUALLY",
                    restored ? created.plus(30 + i, ChronoUnit.MINUTES) : null,
                    status.equals("restore_failed") ? "The desktop must be stopped before it is restored." : null));
        }
        snapshots.sort(Comparator.comparing(SimulatedWorkspaceSnapshot::createTime).reversed());
        return snapshots;
    }

    private static String status(int i) {
        return switch (i % 12) {
            case 3 -> "creating";
            case 5 -> "restore_success";
            case 7 -> "create_failed";
            case 9 -> "restoring";
            case 11 -> "restore_failed";
            default -> "create_success";
        };
    }

    /** A stable UUID-shaped id, as Workspace uses for snapshots, desktops and pools. */
    private static String uuid(String seed) {
        String hex = SimulatedData.hexId(seed, 32);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
