package io.snapshotgateway.provider.alibaba.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
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

class EcsSnapshotMapperTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Scope SCOPE = new Scope("alibaba-prod", Provider.ALIBABA_ECS, "cn-hangzhou", null);
    /** Vendor fields that have a normalized home, so they are not repeated in attributes. */
    private static final Set<String> NORMALIZED = Set.of("SnapshotId", "SnapshotName", "Description", "Status",
            "Progress", "RemainTime", "CreationTime", "SnapshotType", "SourceDiskId", "SourceDiskSize",
            "SourceDiskType", "Encrypted", "Tags");

    @Test
    void mapsTheVendorDocSample() throws IOException {
        Snapshot s = EcsSnapshotMapper.toSnapshot(SCOPE, firstSnapshot("describe-snapshots-doc-sample.json"), null);

        assertThat(s.id()).isEqualTo("s-bp67acfmxazb4p****");
        assertThat(s.provider()).isEqualTo(Provider.ALIBABA_ECS);
        assertThat(s.source()).isEqualTo("alibaba-prod");
        assertThat(s.region()).isEqualTo("cn-hangzhou");
        assertThat(s.projectId()).isNull();
        assertThat(s.name()).isEqualTo("testSnapshotName");
        assertThat(s.description()).isEqualTo("testDescription");
        assertThat(s.status()).isEqualTo(SnapshotStatus.AVAILABLE);
        assertThat(s.vendorStatus()).isEqualTo("accomplished");
        assertThat(s.progress()).isEqualTo(100);
        assertThat(s.remainingSeconds()).isNull();
        assertThat(s.diskType()).isEqualTo(DiskType.SYSTEM);
        assertThat(s.sizeGib()).isEqualTo(40L);
        assertThat(s.createTime()).isEqualTo(Instant.parse("2020-08-20T14:52:28Z"));
        assertThat(s.resource()).isEqualTo(Resource.disk("d-bp67acfmxazb4ph****"));
        assertThat(s.encrypted()).isFalse();
        assertThat(s.tags()).isEmpty();
        // "all" is not a creation type: it stays unnormalized, and the raw value is kept.
        assertThat(s.creationType()).isNull();
        assertThat(s.attributes()).containsEntry("SnapshotType", "all")
                .containsEntry("Usage", "image")
                .containsEntry("Category", "standard")
                .containsEntry("KMSKeyId", "0e478b7a-4262-4802-b8cb-00d3fb40****")
                .containsEntry("ProductCode", "jxsc000****")
                .containsEntry("SourceStorageType", "disk")
                .containsEntry("SnapshotSN", "64472-116742336-61976****")
                .containsEntry("LastModifiedTime", "2020-08-25T14:18:09Z")
                .containsEntry("InstantAccess", false)
                // the sample sends "false" as a string; it is read as the documented boolean
                .containsEntry("Available", false);
    }

    @Test
    void keepsEveryVendorFieldOfTheDocSample() throws IOException {
        assertEveryFieldKept("describe-snapshots-doc-sample.json");
        assertEveryFieldKept("describe-snapshots-reference-sample.json");
    }

    @Test
    void mapsTheReferenceSampleWithUserSnapshotType() throws IOException {
        Snapshot s = EcsSnapshotMapper.toSnapshot(SCOPE, firstSnapshot("describe-snapshots-reference-sample.json"),
                "i-known");
        assertThat(s.creationType()).isEqualTo(CreationType.MANUAL);
        assertThat(s.sizeGib()).isEqualTo(20L);
        assertThat(s.instanceId()).isEqualTo("i-known");
        assertThat(s.attributes()).containsEntry("Usage", "none").doesNotContainKey("SnapshotType");
    }

    @Test
    void normalizesAnyCaseAndKeepsWhatItCannotNormalize() throws IOException {
        EcsSnapshot odd = JSON.readValue("""
                {"SnapshotId":"s-1","Status":"PROGRESSING","Progress":"37%","RemainTime":"12",
                 "SourceDiskType":"Data","SnapshotType":"AUTO","SourceDiskSize":"n/a",
                 "CreationTime":"2024-01-02T03:04:05.678+08:00","Undocumented":{"x":1},
                 "Tags":{"Tag":[{"TagKey":"k","TagValue":"v"}]}}
                """, EcsSnapshot.class);
        Snapshot s = EcsSnapshotMapper.toSnapshot(SCOPE, odd, null);
        assertThat(s.status()).isEqualTo(SnapshotStatus.CREATING);
        assertThat(s.progress()).isEqualTo(37);
        assertThat(s.remainingSeconds()).isEqualTo(12);
        assertThat(s.diskType()).isEqualTo(DiskType.DATA);
        assertThat(s.creationType()).isEqualTo(CreationType.AUTO);
        assertThat(s.sizeGib()).isNull();
        assertThat(s.createTime()).isEqualTo(Instant.parse("2024-01-01T19:04:05Z"));
        assertThat(s.tags()).isEqualTo(Map.of("k", "v"));
        assertThat(s.attributes()).containsEntry("SourceDiskSize", "n/a").containsEntry("Undocumented", Map.of("x", 1));
    }

    private static void assertEveryFieldKept(String fixture) throws IOException {
        JsonNode raw = fixture(fixture).path("Snapshots").path("Snapshot").get(0);
        Snapshot s = EcsSnapshotMapper.toSnapshot(SCOPE, JSON.treeToValue(raw, EcsSnapshot.class), null);
        for (Iterator<String> names = raw.fieldNames(); names.hasNext();) {
            String name = names.next();
            assertThat(NORMALIZED.contains(name) || s.attributes().containsKey(name))
                    .as("%s field %s is normalized or kept in attributes", fixture, name).isTrue();
        }
    }

    static EcsSnapshot firstSnapshot(String fixture) throws IOException {
        return JSON.treeToValue(fixture(fixture), EcsDescribeSnapshotsResponse.class).items().get(0);
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = EcsSnapshotMapperTests.class.getResourceAsStream("/alibaba/ecs/" + name)) {
            return JSON.readTree(in);
        }
    }
}
