package io.snapshotgateway.aggregation;

import java.util.List;

/** What holds for a whole set of outcomes. */
public final class SourceOutcomes {
    private SourceOutcomes() {
    }

    /** Every scope served, and none missed on an earlier page of the walk. */
    public static boolean complete(List<SourceOutcome> outcomes) {
        return outcomes.stream().allMatch(o -> o instanceof SourceOutcome.Listed && !o.missedEarlierPages());
    }

    /** No scope served at all (and there was at least one). */
    public static boolean allFailed(List<SourceOutcome> outcomes) {
        return !outcomes.isEmpty() && outcomes.stream().noneMatch(o -> o instanceof SourceOutcome.Listed);
    }
}
