package io.snapshotgateway.inventory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.snapshotgateway.CreationType;
import io.snapshotgateway.DiskType;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Resource;
import io.snapshotgateway.SnapshotStatus;
import io.snapshotgateway.provider.Scope;

class InventoryCodecTests {
    private static final Scope SCOPE = new Scope("sim-ecs", Provider.ALIBABA_ECS, "cn-hangzhou", null);
    private static final Instant FETCHED = Instant.parse("2026-11-24T02:00:00Z");
    private static final long NO_LIMIT = Long.MAX_VALUE;

    private static InventoryEntry full(int i) {
        return new InventoryEntry("s-" + i, 1_790_000_000L + i * 60L, "auto_" + i, SnapshotStatus.values()[0],
                DiskType.values()[i % DiskType.values().length], CreationType.values()[0], Resource.Type.DISK,
                "d-" + i, "i-" + i, 40 + i, ("{\"id\":\"s-" + i + "\",\"name\":\"auto_" + i
                        + "\",\"description\":\"a snapshot the vendor made on schedule\"}").getBytes(UTF_8));
    }

    private static InventoryEntry bare(int i) {
        // what a vendor that normalized to nothing leaves: every optional field empty
        return new InventoryEntry("s-bare-" + i, InventoryEntry.NO_TIME, null, null, null, null, null, null, null,
                InventoryEntry.NO_SIZE, "{}".getBytes(UTF_8));
    }

    private static Inventory inventory(int n) {
        List<InventoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(i % 10 == 0 ? bare(i) : full(i));
        }
        return Inventory.of(SCOPE, 7, FETCHED, entries);
    }

    @Test
    void anInventoryComesBackWithTheSameEntriesInBothOrders() {
        Inventory sent = inventory(500);

        Inventory received = InventoryCodec.decode(InventoryCodec.encode(sent), SCOPE, 42, FETCHED, NO_LIMIT);

        assertThat(received.sameContent(sent)).isTrue();
        assertThat(received.size()).isEqualTo(500);
        for (boolean newestFirst : new boolean[]{true, false}) {
            for (int i = 0; i < sent.size(); i++) {
                InventoryEntry a = sent.entry(newestFirst, i);
                InventoryEntry b = received.entry(newestFirst, i);
                assertThat(b).usingRecursiveComparison().ignoringFields("json").isEqualTo(a);
                assertThat(Arrays.equals(b.json(), a.json())).isTrue();
            }
        }
    }

    @Test
    void theReceivingReplicaKeepsItsOwnGenerationAndTheRefreshersTime() {
        Inventory received = InventoryCodec.decode(InventoryCodec.encode(inventory(3)), SCOPE, 42, FETCHED, NO_LIMIT);

        assertThat(received.generation()).isEqualTo(42);
        assertThat(received.fetchedAt()).isEqualTo(FETCHED);
        assertThat(received.scope()).isEqualTo(SCOPE);
    }

    @Test
    void isCompressedWellBelowTheEntriesJson() {
        Inventory sent = inventory(2000);
        long json = 0;
        for (int i = 0; i < sent.size(); i++) {
            json += sent.entry(false, i).json().length;
        }

        assertThat((long) InventoryCodec.encode(sent).length).isLessThan(json / 3);
    }

    @Test
    void anEmptyInventoryTravelsToo() {
        Inventory empty = Inventory.of(SCOPE, 1, FETCHED, List.of());

        assertThat(InventoryCodec.decode(InventoryCodec.encode(empty), SCOPE, 2, FETCHED, NO_LIMIT).size()).isZero();
    }

    @Test
    void refusesABlobThatUnpacksPastItsLimit() {
        byte[] data = InventoryCodec.encode(inventory(2000));

        assertThatThrownBy(() -> InventoryCodec.decode(data, SCOPE, 1, FETCHED, 10_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void refusesADamagedBlob() {
        byte[] data = InventoryCodec.encode(inventory(50));
        byte[] truncated = Arrays.copyOf(data, data.length / 2);

        assertThatThrownBy(() -> InventoryCodec.decode(truncated, SCOPE, 1, FETCHED, NO_LIMIT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InventoryCodec.decode("not gzip".getBytes(UTF_8), SCOPE, 1, FETCHED, NO_LIMIT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
