package io.snapshotgateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

/** A cached compressed head plus a stored tail must be a gzip stream any client reads as head + tail. */
class GzipBodiesTests {

    @Test
    void headCompressedOnceAndTailStoredDecompressToBoth() throws IOException {
        Random random = new Random(7);
        for (int headSize : new int[]{0, 1, 100, 70_000, 300_000}) {
            for (int tailSize : new int[]{0, 1, 500, 65_535, 65_536, 140_000}) {
                byte[] head = jsonish(random, headSize);
                byte[] tail = jsonish(random, tailSize);

                byte[] gzip = GzipBodies.assemble(head, GzipBodies.deflatePrefix(head), tail);

                assertThat(gunzip(gzip)).as("head %d, tail %d", headSize, tailSize)
                        .isEqualTo(RenderedPage.concat(head, tail));
            }
        }
    }

    @Test
    void compressesTheHead() {
        byte[] head = jsonish(new Random(1), 100_000);
        assertThat(GzipBodies.deflatePrefix(head).length).isLessThan(head.length / 3);
    }

    @Test
    void readsAcceptEncodingWithQualities() {
        assertThat(GzipBodies.accepted("gzip")).isTrue();
        assertThat(GzipBodies.accepted("br, GZIP;q=0.5")).isTrue();
        assertThat(GzipBodies.accepted("*")).isTrue();
        assertThat(GzipBodies.accepted("gzip;q=0")).isFalse();
        assertThat(GzipBodies.accepted("gzip; q=0.000, deflate")).isFalse();
        assertThat(GzipBodies.accepted("identity")).isFalse();
        assertThat(GzipBodies.accepted("gzipped")).isFalse();
        assertThat(GzipBodies.accepted(null)).isFalse();
        assertThat(GzipBodies.accepted("gzip;q=0, *")).as("named and refused: * does not bring it back").isFalse();
        assertThat(GzipBodies.accepted("br, *;q=0")).isFalse();
        assertThat(GzipBodies.accepted("br, *")).isTrue();
    }

    private static byte[] jsonish(Random random, int size) {
        String[] words = {"{\"id\":\"s-", "\"status\":\"available\",", "cn-hangzhou", "2026-10-31T23:59:00Z", "},",
                "\"attributes\":{", "0123456789abcdef"};
        StringBuilder out = new StringBuilder(size + 32);
        while (out.length() < size) {
            out.append(words[random.nextInt(words.length)]).append(random.nextInt(1000));
        }
        return out.substring(0, size).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }
}
