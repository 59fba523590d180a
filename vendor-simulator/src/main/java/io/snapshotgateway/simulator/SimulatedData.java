package io.snapshotgateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Deterministic fake data: the same region and size always give the same snapshots, so demos, tests and benchmarks
 * are repeatable. Times count back from a fixed instant and interleave across regions and products.
 */
final class SimulatedData {
    /** Newest possible simulated creation time. */
    static final Instant LATEST = Instant.parse("2026-11-01T00:00:00Z");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private SimulatedData() {
    }

    /** A stable pseudo-random hex id for {@code seed}. */
    static String hexId(String seed, int chars) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, chars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Minutes by which a region's timeline is shifted, so regions interleave rather than tie. */
    static long regionOffsetMinutes(String product, String region) {
        return Integer.parseInt(hexId(product + "/" + region, 4), 16) % 173;
    }

    static List<SimulatedEcsSnapshot> ecs(String region, int count) {
        List<SimulatedEcsSnapshot> snapshots = new ArrayList<>(count);
        long offset = regionOffsetMinutes("ecs", region);
        for (int i = 0; i < count; i++) {
            String instance = "i-" + hexId("ecs/" + region + "/instance/" + (i % 4), 18);
            boolean data = i % 3 == 2;
            String disk = "d-" + hexId("ecs/" + region + "/disk/" + (i % 4) + (data ? "/data" : "/system"), 18);
            boolean auto = i % 2 == 0;
            Instant created = LATEST.minus(offset + i * 173L, ChronoUnit.MINUTES);
            String status = i % 7 == 3 ? "progressing" : i % 11 == 5 ? "failed" : "accomplished";
            snapshots.add(new SimulatedEcsSnapshot(
                    "s-" + hexId("ecs/" + region + "/snapshot/" + i, 18),
                    auto ? "auto_" + DAY.format(created) + "_" + (i % 5 + 1) : "backup-" + region + "-" + i,
                    auto ? "" : "manual backup " + i,
                    status,
                    switch (status) {
                        case "progressing" -> (10 + i % 80) + "%";
                        case "failed" -> "0%";
                        default -> "100%";
                    },
                    "progressing".equals(status) ? 30 + i % 300 : 0,
                    created,
                    auto ? "auto" : "user",
                    instance,
                    disk,
                    data ? 100 : 40,
                    data ? "data" : "system",
                    i % 4 == 1 ? "image" : "none",
                    i % 5 == 0,
                    i % 2 == 0 ? "prod" : "staging"));
        }
        snapshots.sort(Comparator.comparing(SimulatedEcsSnapshot::creationTime).reversed());
        return snapshots;
    }

    static List<SimulatedEdsSnapshot> eds(String region, int count) {
        List<SimulatedEdsSnapshot> snapshots = new ArrayList<>(count);
        long offset = regionOffsetMinutes("eds", region);
        for (int i = 0; i < count; i++) {
            int desktop = i % 5;
            boolean auto = i % 3 != 1;
            boolean data = i % 4 == 3;
            Instant created = LATEST.minus(offset + i * 157L, ChronoUnit.MINUTES);
            String status = i % 9 == 4 ? "PROGRESSING" : i % 13 == 7 ? "FAILED" : "ACCOMPLISHED";
            snapshots.add(new SimulatedEdsSnapshot(
                    "s-" + hexId("eds/" + region + "/snapshot/" + i, 18),
                    auto ? "auto-" + DAY.format(created) : "before-upgrade-" + i,
                    auto ? "" : "taken before an upgrade",
                    "ecd-" + hexId("eds/" + region + "/desktop/" + desktop, 16),
                    "desk-" + region + "-" + desktop,
                    status,
                    switch (status) {
                        case "PROGRESSING" -> (5 + i % 90) + "%";
                        case "FAILED" -> "0%";
                        default -> "100%";
                    },
                    // -1 is what EDS sends while it is still estimating.
                    "PROGRESSING".equals(status) ? (i % 2 == 0 ? -1 : 60 + i) : 0,
                    created,
                    auto ? "System" : "Administrator",
                    auto ? "AUTO" : "USER",
                    data ? "DATA" : "SYSTEM",
                    data ? 200 : 80));
        }
        snapshots.sort(Comparator.comparing(SimulatedEdsSnapshot::creationTime).reversed());
        return snapshots;
    }

    static String token(int offset) {
        return HexFormat.of().formatHex(("o" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a token stands for, or -1 when it is not one of ours. */
    static int offset(String token) {
        try {
            String decoded = new String(HexFormat.of().parseHex(token), StandardCharsets.UTF_8);
            return decoded.startsWith("o") ? Integer.parseInt(decoded.substring(1)) : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
