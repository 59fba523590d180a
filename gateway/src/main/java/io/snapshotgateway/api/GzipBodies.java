package io.snapshotgateway.api;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip for bodies made of a large part that is compressed once and a small part that changes per request.
 *
 * <p>
 * The large part is deflated once and flushed to a byte boundary ({@link Deflater#SYNC_FLUSH}, no final block); each
 * response then appends the small part as a stored (uncompressed) final block, and the gzip trailer over the whole.
 * That is a valid gzip stream (RFC 1951 blocks may mix types), so a cached page is sent compressed without
 * compressing it again; the JDK's streams cannot continue a finished compression, hence this small assembly.
 */
final class GzipBodies {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int MAX_STORED = 65535;

    private GzipBodies() {
    }

    /** Raw deflate of {@code head}, ending on a byte boundary with no final block. */
    static byte[] deflatePrefix(byte[] head) {
        Deflater deflater = new Deflater(6, true);
        try {
            deflater.setInput(head);
            ByteArrayOutputStream out = new ByteArrayOutputStream(head.length / 4 + 64);
            byte[] buffer = new byte[16384];
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length || !deflater.needsInput());
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The gzip body of {@code head + tail}, given {@link #deflatePrefix}{@code (head)}. */
    static byte[] assemble(byte[] head, byte[] deflatedHead, byte[] tail) {
        int blocks = Math.max(1, (tail.length + MAX_STORED - 1) / MAX_STORED);
        byte[] out = new byte[HEADER.length + deflatedHead.length + blocks * 5 + tail.length + 8];
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        int at = HEADER.length;
        System.arraycopy(deflatedHead, 0, out, at, deflatedHead.length);
        at += deflatedHead.length;
        int offset = 0;
        for (int b = 0; b < blocks; b++) {
            int len = Math.min(MAX_STORED, tail.length - offset);
            out[at++] = (byte) (b == blocks - 1 ? 1 : 0); // BFINAL on the last block, BTYPE 00 = stored
            out[at++] = (byte) len;
            out[at++] = (byte) (len >>> 8);
            out[at++] = (byte) ~len;
            out[at++] = (byte) (~len >>> 8);
            System.arraycopy(tail, offset, out, at, len);
            at += len;
            offset += len;
        }
        CRC32 crc = new CRC32();
        crc.update(head);
        crc.update(tail);
        at = littleEndian(out, at, (int) crc.getValue());
        littleEndian(out, at, head.length + tail.length);
        return out;
    }

    /**
     * Whether an {@code Accept-Encoding} header accepts gzip: named (or as {@code x-gzip}) with a q-value above 0, or
     * covered by {@code *} when gzip is not named at all (RFC 9110 12.5.3).
     */
    static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean named = null;
        boolean wildcard = false;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=") && p.substring(2).trim().matches("0(\\.0{0,3})?")) {
                    refused = true;
                }
            }
            if (name.equals("gzip") || name.equals("x-gzip")) {
                named = (named != null && named) || !refused;
            } else if (name.equals("*")) {
                wildcard = !refused;
            }
        }
        return named != null ? named : wildcard;
    }

    private static int littleEndian(byte[] out, int at, int value) {
        out[at] = (byte) value;
        out[at + 1] = (byte) (value >>> 8);
        out[at + 2] = (byte) (value >>> 16);
        out[at + 3] = (byte) (value >>> 24);
        return at + 4;
    }
}
