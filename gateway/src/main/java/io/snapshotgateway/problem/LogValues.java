package io.snapshotgateway.problem;

/**
 * Makes caller-supplied text safe to put in a log line or echo in an answer: control characters (CR, LF, NUL, the
 * Unicode line separators...) become visible escapes, so no value can start a forged log line, and the text is cut
 * short, so no value can flood a log or an answer.
 */
public final class LogValues {
    /** Longest value written to a log line. */
    static final int MAX_LOG = 200;
    /** Longest caller value echoed in an answer. */
    static final int MAX_ECHO = 64;

    private LogValues() {
    }

    /** {@code value} for a log line. */
    public static String of(String value) {
        return escaped(value, MAX_LOG);
    }

    /** A caller's value (a parameter name or value) as an answer quotes it. */
    public static String echo(String value) {
        return escaped(value, MAX_ECHO);
    }

    private static String escaped(String value, int max) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max) + 8);
        int shown = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // the cut falls between characters: a pair of UTF-16 units (an emoji, say) is never split
            if (shown >= max || shown == max - 1 && Character.isHighSurrogate(c) && i + 1 < value.length()) {
                out.append("…(").append(value.length() - i).append(" more)");
                break;
            }
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                out.append(switch (c) {
                    case '\r' -> "\\r";
                    case '\n' -> "\\n";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04x", (int) c);
                });
            } else {
                out.append(c);
            }
            shown++;
        }
        return out.toString();
    }
}
