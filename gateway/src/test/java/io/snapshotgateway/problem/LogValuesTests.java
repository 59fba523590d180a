package io.snapshotgateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogValuesTests {

    @Test
    void controlCharactersAndLineSeparatorsBecomeVisibleEscapes() {
        assertThat(LogValues.of("a\r\nERROR forged")).isEqualTo("a\\r\\nERROR forged");
        assertThat(LogValues.of("tab\there")).isEqualTo("tab\\there");
        assertThat(LogValues.of("nul\u0000bell\u0007esc\u001bdel\u007f")).isEqualTo(
                "nul\\u0000bell\\u0007esc\\u001bdel\\u007f");
        assertThat(LogValues.of("nel\u0085csi\u009b")).isEqualTo("nel\\u0085csi\\u009b");
        assertThat(LogValues.of("line\u2028para\u2029end")).isEqualTo("line\\u2028para\\u2029end");
        assertThat(LogValues.echo("x\ny")).isEqualTo("x\\ny");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "cn-hangzhou AUTO_snapshot é 中文 😀 \"quoted\" \\ back\u00a0nbsp";
        assertThat(LogValues.of(text)).isEqualTo(text);
        assertThat(LogValues.of(null)).isEqualTo("null");
        assertThat(LogValues.of("")).isEmpty();
    }

    @Test
    void longValuesAreCutAndSayHowMuchWasLeftOut() {
        assertThat(LogValues.of("a".repeat(LogValues.MAX_LOG))).isEqualTo("a".repeat(LogValues.MAX_LOG));
        assertThat(LogValues.of("a".repeat(LogValues.MAX_LOG + 100)))
                .isEqualTo("a".repeat(LogValues.MAX_LOG) + "…(100 more)");
        assertThat(LogValues.echo("b".repeat(1000))).isEqualTo("b".repeat(LogValues.MAX_ECHO) + "…(936 more)");
        // escapes do not let a long value past the cap: each control character counts once
        assertThat(LogValues.echo("\n".repeat(1000))).isEqualTo("\\n".repeat(LogValues.MAX_ECHO) + "…(936 more)");
    }

    @Test
    void theCutNeverSplitsACharacter() {
        String emoji = "😀";
        String cut = LogValues.echo("a".repeat(LogValues.MAX_ECHO - 1) + emoji + "tail");
        assertThat(cut).isEqualTo("a".repeat(LogValues.MAX_ECHO - 1) + "…(6 more)");
        String kept = LogValues.echo("a".repeat(LogValues.MAX_ECHO - 2) + emoji + "tail");
        assertThat(kept).isEqualTo("a".repeat(LogValues.MAX_ECHO - 2) + emoji + "…(4 more)");
        // the cap counts UTF-16 units: an emoji that would end one unit past it is left out whole
        assertThat(LogValues.echo("a".repeat(LogValues.MAX_ECHO - 1) + emoji))
                .isEqualTo("a".repeat(LogValues.MAX_ECHO - 1) + "…(2 more)");
        assertThat(LogValues.echo("a".repeat(LogValues.MAX_ECHO - 2) + emoji))
                .isEqualTo("a".repeat(LogValues.MAX_ECHO - 2) + emoji);
    }
}
