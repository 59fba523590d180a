package io.snapshotgateway.api;

import java.util.Locale;

/**
 * Reads a request's {@code Cache-Control} as RFC 9111 directives: a comma-separated list of {@code name} or
 * {@code name=value} (token or quoted string), names case-insensitive. Only the whole directive {@code no-cache}
 * counts, not a value that merely contains the word.
 */
final class CacheDirectives {
    private CacheDirectives() {
    }

    static boolean noCache(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        int i = 0;
        int n = header.length();
        while (i < n) {
            int nameStart = i;
            while (i < n && header.charAt(i) != '=' && header.charAt(i) != ',') {
                i++;
            }
            String name = header.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
            if (i < n && header.charAt(i) == '=') {
                i = skipValue(header, i + 1);
            }
            if (name.equals("no-cache")) {
                return true;
            }
            while (i < n && header.charAt(i) != ',') {
                i++;
            }
            i++;
        }
        return false;
    }

    /** Index just past a directive's value, a quoted string (with backslash escapes) or a token. */
    private static int skipValue(String header, int i) {
        int n = header.length();
        while (i < n && header.charAt(i) == ' ') {
            i++;
        }
        if (i < n && header.charAt(i) == '"') {
            i++;
            while (i < n && header.charAt(i) != '"') {
                i += header.charAt(i) == '\\' ? 2 : 1;
            }
            return Math.min(n, i + 1);
        }
        while (i < n && header.charAt(i) != ',') {
            i++;
        }
        return i;
    }
}
