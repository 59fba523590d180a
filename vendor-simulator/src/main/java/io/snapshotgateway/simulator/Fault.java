package io.snapshotgateway.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** What the simulator does instead of (or before) answering normally. */
record Fault(Kind kind, Duration latency) {

    /** The failure modes a real vendor shows. */
    enum Kind {
        /** Answer normally (latency only). */
        NONE,
        /** The vendor's own throttling status and body. */
        THROTTLE,
        /** The vendor's own 5xx body. */
        SERVER_ERROR,
        /** HTTP 200 with a truncated JSON body. */
        MALFORMED,
        /** A load balancer's HTML error page instead of JSON. */
        HTML,
        /** Accept the request and never answer. */
        NO_ANSWER;

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<Kind> fromId(String id) {
            for (Kind k : values()) {
                if (k.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    static final Fault NONE = new Fault(Kind.NONE, Duration.ZERO);
}
