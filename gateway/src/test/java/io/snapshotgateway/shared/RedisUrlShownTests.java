package io.snapshotgateway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Redis URL as logged: scheme, host, port and database, never a password, wherever the URL carries one. */
class RedisUrlShownTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "redis://:s3cret@redis:6379|redis://***@redis:6379",
            "redis://user:s3cret@redis:6379/2|redis://***@redis:6379/2",
            // managed Redis passwords (base64, access keys) may hold / ? # and @
            "rediss://:ab/cd?ef#gh@cache.example.com:6380|rediss://***@cache.example.com:6380",
            "rediss://default:p@ss@word@cache.example.com:6380/0|rediss://***@cache.example.com:6380/0",
            // Vert.x also reads the password from the query
            "redis://redis:6379/0?password=s3cret|redis://redis:6379/0",
            "redis://127.0.0.1:6379|redis://127.0.0.1:6379"})
    void showsNoPassword(String url, String shown) {
        assertThat(SharedRedis.shown(url)).isEqualTo(shown).doesNotContain("s3cret").doesNotContain("ab/cd")
                .doesNotContain("p@ss");
    }
}
