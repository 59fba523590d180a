package io.snapshotgateway.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import io.netty.buffer.Unpooled;
import io.snapshotgateway.problem.SourceStatus;
import io.vertx.core.buffer.Buffer;

/**
 * An answer rendered once and reused while the scopes it came from are unchanged: the body up to {@code "sources":},
 * the entries of {@code sources[]} as rendered (their cache state and age are redone per request), and the ETag.
 * The gzip form of the head is made on first demand; the last full bodies are kept, so polls within the same second
 * are sent as they are.
 */
final class RenderedPage {
    private static final byte[] CLOSE = "}".getBytes(StandardCharsets.UTF_8);

    final byte[] head;
    final List<SourceStatus> sources;
    final String etag;
    /** The answer's {@code complete}. */
    final boolean complete;
    private volatile byte[] deflatedHead;
    private volatile Bodies last;
    private volatile Tail lastTail;

    /** {@code sources[]} as JSON for one set of cache states and ages. */
    private record Tail(long[] state, byte[] json) {
    }

    /** The bodies for one tail. */
    private record Bodies(byte[] tail, Buffer plain, Buffer gzip) {
    }

    RenderedPage(byte[] head, List<SourceStatus> sources, String etag, boolean complete) {
        this.head = head;
        this.sources = List.copyOf(sources);
        this.etag = etag;
        this.complete = complete;
    }

    /**
     * The whole body with {@code sources} (already JSON) as its tail. Bodies live in direct memory, so that sending
     * one is a write from it rather than a copy per request; each write gets its own view of the shared bytes.
     */
    Buffer body(byte[] sourcesJson, boolean gzip) {
        Bodies bodies = last;
        if (bodies == null || !Arrays.equals(bodies.tail(), sourcesJson)) {
            bodies = new Bodies(sourcesJson, null, null);
        }
        if (gzip && bodies.gzip() == null) {
            bodies = new Bodies(bodies.tail(), bodies.plain(),
                    direct(GzipBodies.assemble(head, deflatedHead(), concat(sourcesJson, CLOSE))));
        } else if (!gzip && bodies.plain() == null) {
            bodies = new Bodies(bodies.tail(), direct(concat(head, sourcesJson, CLOSE)), bodies.gzip());
        }
        last = bodies;
        return gzip ? bodies.gzip() : bodies.plain();
    }

    /**
     * {@code sources[]} for the given per-scope state (cache state and age): rendered again only when that changed,
     * so polls within one second reuse it.
     */
    byte[] tail(long[] state, Supplier<byte[]> render) {
        Tail tail = lastTail;
        if (tail == null || !Arrays.equals(tail.state(), state)) {
            tail = new Tail(state, render.get());
            lastTail = tail;
        }
        return tail.json();
    }

    /** Roughly what this page keeps in memory: head, its gzip form, and one plain and one gzip body. */
    int weight() {
        return 512 + head.length * 3;
    }

    private byte[] deflatedHead() {
        byte[] deflated = deflatedHead;
        if (deflated == null) {
            deflated = GzipBodies.deflatePrefix(head);
            deflatedHead = deflated;
        }
        return deflated;
    }

    /** A buffer over JDK direct memory: freed by the garbage collector with the page, never by a release. */
    private static Buffer direct(byte[] bytes) {
        ByteBuffer memory = ByteBuffer.allocateDirect(bytes.length);
        memory.put(bytes).flip();
        return Buffer.buffer(Unpooled.wrappedBuffer(memory));
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
