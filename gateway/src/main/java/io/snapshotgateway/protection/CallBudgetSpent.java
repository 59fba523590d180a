package io.snapshotgateway.protection;

import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.UpstreamFailure;

/** The gateway's own call budget for a source would not allow a call before the listing's deadline: none was made. */
final class CallBudgetSpent extends UpstreamException {
    CallBudgetSpent(String source) {
        super(UpstreamFailure.of(ProblemType.UPSTREAM_THROTTLED, "the gateway's call budget for source " + source
                + " (gateway.protection.call-budget) allows no call before the listing's deadline"));
    }
}
