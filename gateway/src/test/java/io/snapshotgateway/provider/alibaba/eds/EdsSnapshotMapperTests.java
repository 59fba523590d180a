package io.snapshotgateway.provider.alibaba.eds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapshotgateway.CreationType;
import io.snapshotgateway.DiskType;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Resource;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.SnapshotStatus;
import io.snapshotgateway.provider.Scope;

class EdsSnapshotMapperTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Scope SCOPE = new Scope("eds-prod", Provider.ALIBABA_EDS, "cn-hangzhou", null);
    private static final Set<String> NORMALIZED = Set.of("SnapshotId", "SnapshotName", "Description", "DesktopId",
            "DesktopName", "Status", "Progress", "RemainTime", "CreationTime", "SnapshotType", "SourceDiskType",
            "SourceDiskSize", "VolumeEncryptionEnabled");

    @Test
    void mapsTheVendorDocSample() throws IOException {
        JsonNode raw = sample();
        Snapshot s = EdsSnapshotMapper.toSnapshot(SCOPE, JSON.treeToValue(raw, EdsSnapshot.class));

        assertThat(s.id()).isEqualTo("s-2zeipxmnhej803x7****");
        assertThat(s.provider()).isEqualTo(Provider.ALIBABA_EDS);
        assertThat(s.name()).isEqualTo("testSnapshotName");
        assertThat(s.description()).isEqualTo("testDescription");
        assertThat(s.status()).isEqualTo(SnapshotStatus.AVAILABLE);
        assertThat(s.vendorStatus()).isEqualTo("accomplished");
        assertThat(s.progress()).isEqualTo(100);
        assertThat(s.remainingSeconds()).isEqualTo(30);
        assertThat(s.diskType()).isEqualTo(DiskType.SYSTEM);
        assertThat(s.creationType()).isEqualTo(CreationType.MANUAL);
        assertThat(s.sizeGib()).isEqualTo(150L);
        assertThat(s.createTime()).isEqualTo(Instant.parse("2020-12-20T14:52:28Z"));
        assertThat(s.resource()).isEqualTo(Resource.desktop("ecd-g03l3tlm8djoj****", null));
        assertThat(s.attributes()).isEmpty();
        for (Iterator<String> names = raw.fieldNames(); names.hasNext();) {
            String name = names.next();
            assertThat(NORMALIZED.contains(name) || s.attributes().containsKey(name)).as(name).isTrue();
        }
    }

    @Test
    void readsTheUppercaseValuesTheApiActuallySendsAndKeepsTheRest() throws IOException {
        Snapshot s = EdsSnapshotMapper.toSnapshot(SCOPE, JSON.readValue("""
                {"SnapshotId":"s-1","Status":"PROGRESSING","Progress":"12%","RemainTime":-1,
                 "SnapshotType":"AUTO","SourceDiskType":"DATA","SourceDiskSize":"80","DesktopId":"ecd-1",
                 "DesktopName":"desk","DesktopStatus":"Running","Creator":"System","ProtocolType":"ASP",
                 "VolumeEncryptionEnabled":true,"VolumeEncryptionKey":"key-1","OsType":"Windows",
                 "CreationTime":"2024-01-02T03:04:05Z","Brand":"new"}
                """, EdsSnapshot.class));
        assertThat(s.status()).isEqualTo(SnapshotStatus.CREATING);
        assertThat(s.creationType()).isEqualTo(CreationType.AUTO);
        assertThat(s.diskType()).isEqualTo(DiskType.DATA);
        assertThat(s.encrypted()).isTrue();
        assertThat(s.resource()).isEqualTo(Resource.desktop("ecd-1", "desk"));
        // -1 means "still estimating": unknown, kept raw
        assertThat(s.remainingSeconds()).isNull();
        assertThat(s.attributes()).containsEntry("RemainTime", -1).containsEntry("DesktopStatus", "Running")
                .containsEntry("Creator", "System").containsEntry("ProtocolType", "ASP")
                .containsEntry("VolumeEncryptionKey", "key-1").containsEntry("OsType", "Windows")
                .containsEntry("Brand", "new");
    }

    private static JsonNode sample() throws IOException {
        try (InputStream in = EdsSnapshotMapperTests.class
                .getResourceAsStream("/alibaba/eds/describe-snapshots-doc-sample.json")) {
            return JSON.readTree(in).path("Snapshots").get(0);
        }
    }
}
