package io.snapshotgateway.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.snapshotgateway.inventory.InventoryEntry;

class PageCursorTests {
    private final PageCursor cursor = new PageCursor("test-key");
    private final SortKey key = new SortKey(Instant.parse("2024-04-20T08:36:16Z").getEpochSecond(), "alibaba-ecs",
            "prod", "cn-hangzhou", "s-1");
    private final PageCursor.Position position = new PageCursor.Position(key, Set.of());

    @Test
    void decodesWhatItEncodedForTheSameQuery() {
        PageCursor.Decoded decoded = cursor.decode(cursor.encode(position, "digest-a"), "digest-a");
        assertThat(decoded.rejection()).isEmpty();
        assertThat(decoded.position()).contains(position);
    }

    @Test
    void refusesATokenIssuedForAnotherQuery() {
        assertThat(cursor.decode(cursor.encode(position, "digest-a"), "digest-b").rejection())
                .contains(PageCursor.Rejection.OTHER_QUERY);
    }

    @Test
    void refusesAnAlteredOrForeignToken() {
        String token = cursor.encode(position, "d");
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
        SortKey timeless = new SortKey(InventoryEntry.NO_TIME, "huawei-workspace", "s", "r", "x");
        PageCursor.Position at = new PageCursor.Position(timeless, Set.of());
        assertThat(cursor.decode(cursor.encode(at, "d"), "d").position()).contains(at);
    }

    @Test
    void carriesTheScopesAWalkHasMissed() {
        PageCursor.Position missed = new PageCursor.Position(key, Set.of("hw/cn-north-4", "ecs/cn-hangzhou"));
        assertThat(cursor.decode(cursor.encode(missed, "d"), "d").position()).contains(missed);
    }
}
