package io.snapshotgateway.inventory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.snapshotgateway.CreationType;
import io.snapshotgateway.DiskType;
import io.snapshotgateway.Resource;
import io.snapshotgateway.SnapshotStatus;
import io.snapshotgateway.provider.Scope;

/**
 * An inventory's entries as bytes, for other replicas (issue 12): the entries' fields and ready JSON, gzip-compressed,
 * so a replica adopting a scope's listing neither calls the vendor nor maps and renders the snapshots again. Not Java
 * serialization (no class names on the wire, nothing a changed class could misread silently): a version byte, then
 * the fields in a fixed order; a blob of another version is refused, and the replica lists the scope itself.
 */
public final class InventoryCodec {
    private static final int VERSION = 1;

    private InventoryCodec() {
    }

    /** The entries of {@code inventory}, oldest first (the order {@link Inventory#of} sorts fastest). */
    public static byte[] encode(Inventory inventory) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            out.writeByte(VERSION);
            out.writeInt(inventory.size());
            for (int i = 0; i < inventory.size(); i++) {
                write(out, inventory.entry(false, i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The inventory {@code data} holds, with this replica's {@code generation} and the refresher's
     * {@code fetchedAt}. Refuses (IllegalArgumentException) a blob of another version, a damaged one, or one that
     * would unpack to more than {@code maxBytes}.
     */
    public static Inventory decode(byte[] data, Scope scope, long generation, Instant fetchedAt, long maxBytes) {
        try (DataInputStream in = new DataInputStream(new Bounded(new GZIPInputStream(
                new ByteArrayInputStream(data)), maxBytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("inventory encoding version " + version + ", expected " + VERSION);
            }
            int count = in.readInt();
            if (count < 0) {
                throw new IllegalArgumentException("negative entry count");
            }
            List<InventoryEntry> entries = new ArrayList<>(Math.min(count, 1 << 16));
            for (int i = 0; i < count; i++) {
                entries.add(read(in));
            }
            return Inventory.of(scope, generation, fetchedAt, entries);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable inventory encoding: " + e.getMessage(), e);
        }
    }

    private static void write(DataOutputStream out, InventoryEntry e) throws IOException {
        out.writeUTF(e.id());
        out.writeLong(e.createTime());
        string(out, e.lowerName());
        string(out, e.status() == null ? null : e.status().name());
        string(out, e.diskType() == null ? null : e.diskType().name());
        string(out, e.creationType() == null ? null : e.creationType().name());
        string(out, e.resourceType() == null ? null : e.resourceType().name());
        string(out, e.resourceId());
        string(out, e.instanceId());
        out.writeLong(e.sizeGib());
        out.writeInt(e.json().length);
        out.write(e.json());
    }

    private static InventoryEntry read(DataInputStream in) throws IOException {
        String id = in.readUTF();
        long createTime = in.readLong();
        String lowerName = string(in);
        SnapshotStatus status = constant(SnapshotStatus.class, string(in));
        DiskType diskType = constant(DiskType.class, string(in));
        CreationType creationType = constant(CreationType.class, string(in));
        Resource.Type resourceType = constant(Resource.Type.class, string(in));
        String resourceId = string(in);
        String instanceId = string(in);
        long sizeGib = in.readLong();
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("negative JSON length");
        }
        byte[] json = in.readNBytes(length);
        if (json.length != length) {
            throw new IOException("truncated entry");
        }
        return new InventoryEntry(id, createTime, lowerName, status, diskType, creationType, resourceType,
                resourceId, instanceId, sizeGib, json);
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String string(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) throws IOException {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            // a newer replica's value (a rolling upgrade): refuse the blob rather than guess
            throw new IOException("unknown " + type.getSimpleName() + " " + name);
        }
    }

    /** Stops reading past {@code limit} bytes: a damaged or hostile blob must not unpack into the heap unbounded. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws IOException {
            left -= n;
            if (left < 0) {
                throw new IOException("the inventory unpacks to more than its limit");
            }
        }
    }
}
