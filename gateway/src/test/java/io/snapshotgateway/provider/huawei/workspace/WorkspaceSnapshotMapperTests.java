package io.snapshotgateway.provider.huawei.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
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

class WorkspaceSnapshotMapperTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROJECT = "bcae3e673fd04716a3b9dacdf58ca336";
    private static final Scope SCOPE = new Scope("huawei-prod", Provider.HUAWEI_WORKSPACE, "cn-north-4", PROJECT);
    /** Vendor fields that have a normalized home, so they are not repeated in attributes. */
    private static final Set<String> NORMALIZED = Set.of("snapshot_id", "snapshot_name", "desktop_id", "desktop_name",
            "is_system_disk", "status", "process", "description", "create_time", "create_type");
    /** Every documented field, and one the docs do not have. */
    private static final String FULL = """
            {"snapshot_id":"s-1","snapshot_name":"restore-me","desktop_id":"d-1","desktop_name":"desk",
             "desktop_sid":"sid-1","desktop_pool_id":"pool-1","is_system_disk":false,"status":"restore_failed",
             "process":40,"description":"why","create_time":"2024-04-20T08:36:16Z","create_type":"AUTO",
             "last_restore_time":"2024-04-21T01:02:03Z","restore_fail_reason":"desktop is running",
             "enterprise_project_id":"0"}
            """;

    @Test
    void mapsTheVendorDocSample() throws IOException {
        List<Snapshot> snapshots = docSample().items().stream()
                .map(s -> WorkspaceSnapshotMapper.toSnapshot(SCOPE, s)).toList();

        assertThat(snapshots).hasSize(2);
        Snapshot manual = snapshots.get(0);
        assertThat(manual.id()).isEqualTo("eed156d9-02a5-46f5-8eb1-54f09ab9fbae");
        assertThat(manual.provider()).isEqualTo(Provider.HUAWEI_WORKSPACE);
        assertThat(manual.source()).isEqualTo("huawei-prod");
        assertThat(manual.region()).isEqualTo("cn-north-4");
        assertThat(manual.projectId()).isEqualTo(PROJECT);
        assertThat(manual.name()).isEqualTo("sys0420_xzx03_1713602176593");
        assertThat(manual.description()).isEqualTo("Description.");
        assertThat(manual.status()).isEqualTo(SnapshotStatus.AVAILABLE);
        assertThat(manual.vendorStatus()).isEqualTo("create_success");
        assertThat(manual.progress()).isNull();
        assertThat(manual.remainingSeconds()).isNull();
        assertThat(manual.diskType()).isEqualTo(DiskType.SYSTEM);
        assertThat(manual.creationType()).isEqualTo(CreationType.MANUAL);
        assertThat(manual.sizeGib()).isNull();
        assertThat(manual.createTime()).isEqualTo(Instant.parse("2024-04-20T08:36:16Z"));
        assertThat(manual.resource()).isEqualTo(Resource.desktop("7163a7ba-fc09-4238-ab73-0689ea7f54c3", "xzx03"));
        assertThat(manual.encrypted()).isNull();
        assertThat(manual.tags()).isEmpty();
        assertThat(manual.attributes())
                .containsExactly(Map.entry("desktop_sid", "22ad6780-3236-4838-b509-8068d254e9de"));

        Snapshot auto = snapshots.get(1);
        assertThat(auto.id()).isEqualTo("a7e996da-20db-4de8-8aff-4c8e4c6d5ed3");
        assertThat(auto.name()).isEqualTo("AUTOCREATED_AA_1713595811910");
        assertThat(auto.diskType()).isEqualTo(DiskType.DATA);
        assertThat(auto.creationType()).isEqualTo(CreationType.AUTO);
        assertThat(auto.createTime()).isEqualTo(Instant.parse("2024-04-20T06:50:11Z"));
        assertThat(auto.resource()).isEqualTo(Resource.desktop("a3e8d0d0-79df-413d-a327-d702a4fb2e15", "AA"));
        assertThat(auto.attributes()).containsExactly(Map.entry("desktop_sid", "1346b13d-d3e4-4965-bfb4-5bb880bf7dbf"));
    }

    @Test
    void readsTheTotalCountOfTheDocSample() throws IOException {
        assertThat(docSample().totalCount()).isEqualTo(2);
    }

    @Test
    void keepsEveryVendorField() throws IOException {
        for (JsonNode raw : fixture().path("desktop_snapshots")) {
            assertEveryFieldKept(raw);
        }
        assertEveryFieldKept(JSON.readTree(FULL));
    }

    @Test
    void mapsEveryDocumentedField() throws IOException {
        Snapshot s = WorkspaceSnapshotMapper.toSnapshot(SCOPE, JSON.readValue(FULL, WorkspaceSnapshot.class));

        assertThat(s.status()).isEqualTo(SnapshotStatus.RESTORE_FAILED);
        assertThat(s.progress()).isEqualTo(40);
        assertThat(s.diskType()).isEqualTo(DiskType.DATA);
        assertThat(s.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "desktop_sid", "sid-1",
                "desktop_pool_id", "pool-1",
                "last_restore_time", "2024-04-21T01:02:03Z",
                "restore_fail_reason", "desktop is running",
                "enterprise_project_id", "0"));
    }

    @Test
    void normalizesEveryStatus() {
        Map<String, SnapshotStatus> expected = Map.of(
                "creating", SnapshotStatus.CREATING,
                "create_success", SnapshotStatus.AVAILABLE,
                "create_failed", SnapshotStatus.FAILED,
                "restoring", SnapshotStatus.RESTORING,
                "restore_success", SnapshotStatus.AVAILABLE,
                "restore_failed", SnapshotStatus.RESTORE_FAILED);
        expected.forEach((vendor, normalized) -> assertThat(WorkspaceValues.status(vendor)).as(vendor)
                .isEqualTo(normalized));
    }

    @Test
    void normalizesAnyCaseAndKeepsWhatItCannotNormalize() throws IOException {
        WorkspaceSnapshot odd = JSON.readValue("""
                {"snapshot_id":"s-2","status":"CREATE_SUCCESS","create_type":"manually","is_system_disk":"true",
                 "process":"37","create_time":"2024-01-02T03:04:05+08:00","desktop_id":"d-2"}
                """, WorkspaceSnapshot.class);
        Snapshot s = WorkspaceSnapshotMapper.toSnapshot(SCOPE, odd);
        assertThat(s.status()).isEqualTo(SnapshotStatus.AVAILABLE);
        assertThat(s.creationType()).isEqualTo(CreationType.MANUAL);
        assertThat(s.diskType()).isEqualTo(DiskType.SYSTEM);
        assertThat(s.progress()).isEqualTo(37);
        assertThat(s.createTime()).isEqualTo(Instant.parse("2024-01-01T19:04:05Z"));
        assertThat(s.resource()).isEqualTo(Resource.desktop("d-2", null));
        assertThat(s.attributes()).isEmpty();

        WorkspaceSnapshot unknown = JSON.readValue("""
                {"snapshot_id":"s-3","status":"deleting","create_type":"SCHEDULED","process":"n/a",
                 "create_time":"yesterday","desktop_name":"orphan","undocumented":{"x":1}}
                """, WorkspaceSnapshot.class);
        Snapshot u = WorkspaceSnapshotMapper.toSnapshot(SCOPE, unknown);
        assertThat(u.status()).isNull();
        assertThat(u.vendorStatus()).isEqualTo("deleting");
        assertThat(u.creationType()).isNull();
        assertThat(u.diskType()).isNull();
        assertThat(u.progress()).isNull();
        assertThat(u.createTime()).isNull();
        assertThat(u.resource()).isNull();
        assertThat(u.attributes()).containsEntry("status", "deleting")
                .containsEntry("create_type", "SCHEDULED")
                .containsEntry("process", "n/a")
                .containsEntry("create_time", "yesterday")
                .containsEntry("desktop_name", "orphan")
                .containsEntry("undocumented", Map.of("x", 1));
    }

    private static void assertEveryFieldKept(JsonNode raw) throws IOException {
        Snapshot s = WorkspaceSnapshotMapper.toSnapshot(SCOPE, JSON.treeToValue(raw, WorkspaceSnapshot.class));
        for (Iterator<String> names = raw.fieldNames(); names.hasNext();) {
            String name = names.next();
            assertThat(NORMALIZED.contains(name) || s.attributes().containsKey(name))
                    .as("field %s is normalized or kept in attributes", name).isTrue();
        }
    }

    private static WorkspaceListSnapshotsResponse docSample() throws IOException {
        return JSON.treeToValue(fixture(), WorkspaceListSnapshotsResponse.class);
    }

    private static JsonNode fixture() throws IOException {
        try (InputStream in = WorkspaceSnapshotMapperTests.class
                .getResourceAsStream("/huawei/workspace/list-snapshots-doc-sample.json")) {
            return JSON.readTree(in);
        }
    }
}
