package io.snapshotgateway.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The request-target check Quarkus runs before routing ({@code new URI(target)}), done by the gateway so that it can
 * say what is wrong. A target Java's URI parser refuses is refused, no more and no less: raw non-ASCII bytes pass, as
 * they always did, and the parameter parser judges their encoding.
 */
public final class RequestTargets {
    private RequestTargets() {
    }

    /** Why {@code target} is not a valid request target, or empty if it is one. */
    public static Optional<String> malformation(String target) {
        if (target == null || target.isEmpty()) {
            return Optional.of("The request has no target");
        }
        try {
            new URI(target);
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of(describe(target, e.getIndex()));
        }
    }

    private static String describe(String target, int index) {
        if (index < 0 || index >= target.length()) {
            return "The request target is not a valid URI reference";
        }
        char c = target.charAt(index);
        int at = index + 1;
        if (c == '%' || (index > 0 && target.charAt(index - 1) == '%')
                || (index > 1 && target.charAt(index - 2) == '%')) {
            return "A % escape is malformed (character " + at + " of the request target): % must be followed by "
                    + "two hexadecimal digits; send a literal % as %25";
        }
        return "The request target holds a character that must be percent-encoded: '"
                + LogValues.echo(String.valueOf(c))
                + "' (character " + at + "); send it as %" + String.format("%02X", (int) c & 0xff);
    }
}
