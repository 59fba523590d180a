package io.snapshotgateway.aggregation;

import java.util.Optional;
import java.util.Set;

import io.snapshotgateway.config.GatewayConfig;
import io.snapshotgateway.problem.ParameterError;

/**
 * Page tokens are issued and judged here alone: where a caller's token resumes its walk, or why it is refused, and
 * the token of the page after. The HTTP edge only carries the raw token inside the query.
 */
final class PageTokens {
    /** Shortest page-token key accepted: a short key can be found by trying, and with it any token forged. */
    static final int MIN_CURSOR_KEY_LENGTH = 16;

    private final PageCursor cursor;

    PageTokens(GatewayConfig.Cursor config) {
        this.cursor = new PageCursor(cursorKey(config));
    }

    static String cursorKey(GatewayConfig.Cursor cursor) {
        String key = cursor.key().orElseThrow(() -> new IllegalStateException("Invalid configuration: "
                + "gateway.cursor.key (env GATEWAY_CURSOR_KEY) is required: the MAC key of page tokens, the same on "
                + "every replica (e.g. openssl rand -base64 32)"));
        if (key.length() < MIN_CURSOR_KEY_LENGTH) {
            throw new IllegalStateException("Invalid configuration: gateway.cursor.key (env GATEWAY_CURSOR_KEY) must "
                    + "be at least " + MIN_CURSOR_KEY_LENGTH + " characters (e.g. openssl rand -base64 32)");
        }
        return key;
    }

    /** Where a query's page starts, and what is wrong with its token, if anything. */
    record Start(PageCursor.Position position, Optional<ParameterError> problem) {
        static final Start FIRST_PAGE = new Start(PageCursor.Position.START, Optional.empty());
    }

    /**
     * Where the query's page starts: at the first page without a token, after the token's position with a good one.
     *
     * @param queryValid whether the rest of the query is valid: only then is it the query a token could have been
     *            issued for, so with other errors only a token this gateway did not issue is reported
     */
    Start start(ListingQuery query, boolean queryValid) {
        if (query.pageToken().isEmpty()) {
            return Start.FIRST_PAGE;
        }
        PageCursor.Decoded decoded = cursor.decode(query.pageToken().get(), query.digest());
        Optional<ParameterError> problem = decoded.rejection()
                .filter(why -> queryValid || why == PageCursor.Rejection.MALFORMED)
                .map(why -> new ParameterError("page_token", why == PageCursor.Rejection.OTHER_QUERY
                        ? "was issued for other filters or sort; repeat the query it came from, or drop it"
                        : "is not a page token this gateway issued (altered or truncated)"));
        return new Start(decoded.position().orElse(PageCursor.Position.START), problem);
    }

    /** The token of the page after {@code last}, carrying the scopes ({@link PageCursor#scopeId}) the walk missed. */
    String after(ListingQuery query, ListingResult.PageEntry last, Set<String> missed) {
        return cursor.encode(new PageCursor.Position(SortKey.of(last.scope(), last.entry()), missed), query.digest());
    }
}
