package io.snapshotgateway.provider;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.ProcessingException;

import com.fasterxml.jackson.core.JacksonException;

import io.snapshotgateway.problem.ProblemType;

/**
 * Classifies what the HTTP client threw into an {@link UpstreamFailure}. Exception messages are never passed on: they
 * can hold a request URL, and an Alibaba V1 URL holds the signature.
 */
public final class UpstreamFailures {
    private UpstreamFailures() {
    }

    public static UpstreamFailure classify(Throwable failure) {
        return recognize(failure).orElseGet(() -> UpstreamFailure.of(ProblemType.UPSTREAM_UNAVAILABLE,
                "the vendor call failed (" + failure.getClass().getSimpleName() + ")"));
    }

    /** A recognized vendor or transport failure as an {@link UpstreamException}; anything else unchanged. */
    public static Throwable asUpstream(Throwable failure) {
        return failure instanceof UpstreamException
                ? failure
                : recognize(failure).<Throwable>map(UpstreamException::new).orElse(failure);
    }

    /** The classified failure, or empty when the throwable is none of the known vendor or transport failures. */
    public static Optional<UpstreamFailure> recognize(Throwable failure) {
        return Optional.ofNullable(known(failure));
    }

    private static UpstreamFailure known(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UpstreamException u) {
                return u.failure();
            }
            if (t instanceof TimeoutException || t instanceof io.netty.handler.timeout.TimeoutException) {
                return UpstreamFailure.of(ProblemType.UPSTREAM_TIMEOUT, "the vendor did not answer in time");
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return UpstreamFailure.of(ProblemType.UPSTREAM_UNAVAILABLE, "could not connect to the vendor");
            }
            if (t instanceof ClosedChannelException || isConnectionReset(t)) {
                return UpstreamFailure.of(ProblemType.UPSTREAM_UNAVAILABLE,
                        "the vendor closed the connection before answering");
            }
            if (t instanceof JacksonException) {
                return UpstreamFailure.of(ProblemType.UPSTREAM_UNAVAILABLE, "the vendor's response could not be read");
            }
            if (t.getCause() == null && t instanceof ProcessingException) {
                return UpstreamFailure.of(ProblemType.UPSTREAM_UNAVAILABLE, "the vendor's response could not be read");
            }
        }
        return null;
    }

    /** Whether the vendor reset or closed the connection before a whole answer arrived (a transient failure). */
    public static boolean isDroppedConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ClosedChannelException || isConnectionReset(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionReset(Throwable t) {
        String m = t.getMessage();
        return m != null && (m.contains("Connection reset") || m.contains("Connection was closed")
                || m.contains("connection was closed"));
    }
}
