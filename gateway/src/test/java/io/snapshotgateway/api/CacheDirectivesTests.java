package io.snapshotgateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cache-Control is a list of directives (RFC 9111): only the directive no-cache itself forces a refresh. */
class CacheDirectivesTests {

    @Test
    void findsTheNoCacheDirectiveAnywhereInTheList() {
        assertThat(CacheDirectives.noCache("no-cache")).isTrue();
        assertThat(CacheDirectives.noCache("NO-CACHE")).isTrue();
        assertThat(CacheDirectives.noCache("max-age=0, no-cache")).isTrue();
        assertThat(CacheDirectives.noCache("  no-cache  ,no-store")).isTrue();
        assertThat(CacheDirectives.noCache("no-cache=\"Set-Cookie\"")).isTrue();
        assertThat(CacheDirectives.noCache("x=\"a,b\", no-cache")).isTrue();
    }

    @Test
    void ignoresValuesAndNamesThatOnlyContainTheWord() {
        assertThat(CacheDirectives.noCache(null)).isFalse();
        assertThat(CacheDirectives.noCache("")).isFalse();
        assertThat(CacheDirectives.noCache("no-cached")).isFalse();
        assertThat(CacheDirectives.noCache("x-no-cache")).isFalse();
        assertThat(CacheDirectives.noCache("private=\"no-cache\"")).isFalse();
        assertThat(CacheDirectives.noCache("ext=\"a,no-cache\\\"\", max-age=5")).isFalse();
        assertThat(CacheDirectives.noCache("max-age=no-cache")).isFalse();
        assertThat(CacheDirectives.noCache("no-store")).isFalse();
    }
}
