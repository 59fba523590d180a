package io.snapshotgateway.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The page-token key is required, and long enough not to be found by trying. */
class CursorKeyTests {

    @Test
    void aMissingKeyStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> PageTokens.cursorKey(Optional::empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway.cursor.key (env GATEWAY_CURSOR_KEY) is required");
    }

    @Test
    void aShortKeyStopsStartUpWithoutPrintingIt() {
        String shortKey = "x".repeat(PageTokens.MIN_CURSOR_KEY_LENGTH - 1);
        assertThatThrownBy(() -> PageTokens.cursorKey(() -> Optional.of(shortKey)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway.cursor.key (env GATEWAY_CURSOR_KEY) must be at least 16 characters")
                .message().doesNotContain(shortKey);
        assertThatThrownBy(() -> PageTokens.cursorKey(() -> Optional.of("")))
                .hasMessageContaining("GATEWAY_CURSOR_KEY");
    }

    @Test
    void aLongEnoughKeyIsUsedAsGiven() {
        String key = "k".repeat(PageTokens.MIN_CURSOR_KEY_LENGTH);
        assertThat(PageTokens.cursorKey(() -> Optional.of(key))).isEqualTo(key);
    }
}
