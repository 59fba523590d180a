package io.snapshotgateway.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PageCursorTests {
    private final PageCursor cursor = new PageCursor("test-key");
    private final SortKey key = new SortKey(Instant.parse("2024-04-20T08:36:16Z"), "alibaba-ecs", "prod",
            "cn-hangzhou", "s-1");

    @Test
    void decodesWhatItEncodedForTheSameQuery() {
        PageCursor.Decoded decoded = cursor.decode(cursor.encode(key, "digest-a"), "digest-a");
        assertThat(decoded.rejection()).isEmpty();
        assertThat(decoded.after()).contains(key);
    }

    @Test
    void refusesATokenIssuedForAnotherQuery() {
        assertThat(cursor.decode(cursor.encode(key, "digest-a"), "digest-b").rejection())
                .contains(PageCursor.Rejection.OTHER_QUERY);
    }

    @Test
    void refusesAnAlteredOrForeignToken() {
        String token = cursor.encode(key, "d");
        char[] chars = token.toCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';
        assertThat(cursor.decode(new String(chars), "d").rejection()).contains(PageCursor.Rejection.MALFORMED);
        assertThat(cursor.decode("not-a-token", "d").rejection()).contains(PageCursor.Rejection.MALFORMED);
        assertThat(cursor.decode("a.b", "d").rejection()).contains(PageCursor.Rejection.MALFORMED);
        assertThat(new PageCursor("other-key").decode(token, "d").rejection())
                .contains(PageCursor.Rejection.MALFORMED);
    }

    @Test
    void carriesASnapshotWithoutCreationTime() {
        SortKey timeless = new SortKey(null, "huawei-workspace", "s", "r", "x");
        assertThat(cursor.decode(cursor.encode(timeless, "d"), "d").after()).contains(timeless);
    }
}
