package io.snapshotgateway.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.snapshotgateway.SnapshotFilter;
import io.snapshotgateway.problem.ParameterError;

/** Where a page token resumes a walk, and what is said of a token that does not belong to the query. */
class PageTokensTests {
    private static final String KEY = "k".repeat(PageTokens.MIN_CURSOR_KEY_LENGTH);
    private final PageTokens tokens = new PageTokens(() -> Optional.of(KEY));
    private final PageCursor.Position position = new PageCursor.Position(new SortKey(
            Instant.parse("2024-04-20T08:36:16Z").getEpochSecond(), "alibaba-ecs", "prod", "cn-hangzhou", "s-1"),
            Set.of("prod/cn-beijing"));

    @Test
    void aQueryWithoutATokenStartsAtTheFirstPage() {
        assertThat(tokens.start(query(SortOrder.NEWEST_FIRST, null), true)).isEqualTo(PageTokens.Start.FIRST_PAGE);
    }

    @Test
    void aTokenOfTheSameQueryResumesWhereItLeftOff() {
        String token = new PageCursor(KEY).encode(position, query(SortOrder.NEWEST_FIRST, null).digest());

        PageTokens.Start start = tokens.start(query(SortOrder.NEWEST_FIRST, token), true);

        assertThat(start.problem()).isEmpty();
        assertThat(start.position()).isEqualTo(position);
    }

    @Test
    void aTokenOfAnotherQueryIsRefusedOnlyWhenTheRestOfTheQueryIsValid() {
        String token = new PageCursor(KEY).encode(position, query(SortOrder.NEWEST_FIRST, null).digest());
        ListingQuery otherSort = query(SortOrder.OLDEST_FIRST, token);

        assertThat(tokens.start(otherSort, true).problem()).map(ParameterError::reason)
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("was issued for other filters or sort"));
        assertThat(tokens.start(otherSort, false)).isEqualTo(PageTokens.Start.FIRST_PAGE);
    }

    @Test
    void aTokenThisGatewayDidNotIssueIsAlwaysRefused() {
        String foreign = new PageCursor("another-key-of-16+").encode(position, query(SortOrder.NEWEST_FIRST, null)
                .digest());

        for (boolean valid : new boolean[]{true, false}) {
            PageTokens.Start start = tokens.start(query(SortOrder.NEWEST_FIRST, foreign), valid);
            assertThat(start.position()).isEqualTo(PageCursor.Position.START);
            assertThat(start.problem()).map(ParameterError::reason).contains(
                    "is not a page token this gateway issued (altered or truncated)");
        }
    }

    private static ListingQuery query(SortOrder sort, String pageToken) {
        return new ListingQuery(Selection.ALL, Selection.ALL, SnapshotFilter.NONE, sort, 10,
                Optional.ofNullable(pageToken), false);
    }
}
