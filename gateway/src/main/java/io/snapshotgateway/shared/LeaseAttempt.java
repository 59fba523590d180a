package io.snapshotgateway.shared;

/** What asking for a lease came to. */
public sealed interface LeaseAttempt {

    /** This replica holds the lease now. */
    record Granted(Lease lease) implements LeaseAttempt {
    }

    /** Another holder has it. */
    record Held() implements LeaseAttempt {
    }

    /** Nobody needs it: the work it guards is not due yet (another replica did it). */
    record NotDue() implements LeaseAttempt {
    }
}
