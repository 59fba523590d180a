package io.snapshotgateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.workspace.v2.WorkspaceClient;
import com.huaweicloud.sdk.workspace.v2.model.DesktopSnapshotDetailInfo;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopSnapshotRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopSnapshotResponse;

/**
 * The vendor's own Workspace SDK (AK/SK signing over host;user-agent;x-project-id;x-sdk-date), against the simulator.
 */
class WorkspaceSimulatorSdkTests {
    /** cn-north-4 in the default {@code simulator.workspace-projects}. */
    private static final String NORTH_4_PROJECT = "0a1b2c3d4e5f40718293a4b5c6d7e8f9";

    @Test
    void officialSdkListsEveryOffsetPageOfARegion() {
        WorkspaceClient workspace = client(TestSimulator.ACCESS_KEY_SECRET, NORTH_4_PROJECT);
        List<String> ids = new ArrayList<>();
        ListDesktopSnapshotResponse page;
        int calls = 0;
        do {
            page = workspace.listDesktopSnapshot(new ListDesktopSnapshotRequest().withOffset(ids.size()).withLimit(7));
            page.getDesktopSnapshots().forEach(s -> ids.add(s.getSnapshotId()));
            calls++;
        } while (ids.size() < page.getTotalCount() && calls < 50);

        assertThat(page.getTotalCount()).isEqualTo(TestSimulator.SNAPSHOTS_PER_REGION);
        assertThat(ids).hasSize(TestSimulator.SNAPSHOTS_PER_REGION).doesNotHaveDuplicates();
        assertThat(calls).isEqualTo((TestSimulator.SNAPSHOTS_PER_REGION + 6) / 7);
    }

    @Test
    void officialSdkReadsEveryDocumentedField() {
        List<DesktopSnapshotDetailInfo> all = client(TestSimulator.ACCESS_KEY_SECRET, NORTH_4_PROJECT)
                .listDesktopSnapshot(new ListDesktopSnapshotRequest()).getDesktopSnapshots();

        assertThat(all).hasSize(TestSimulator.SNAPSHOTS_PER_REGION);
        assertThat(all).extracting(DesktopSnapshotDetailInfo::getStatus).containsOnly("creating", "restoring",
                "create_success", "create_failed", "restore_success", "restore_failed");
        assertThat(all).extracting(DesktopSnapshotDetailInfo::getIsSystemDisk).contains(true, false);
        assertThat(all).allSatisfy(s -> {
            assertThat(s.getDesktopId()).isNotBlank();
            assertThat(s.getCreateTime()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            assertThat(s.getCreateType()).isNotNull();
        });
        assertThat(all).anySatisfy(s -> assertThat(s.getDesktopPoolId()).isNotBlank());
        assertThat(all).anySatisfy(s -> assertThat(s.getRestoreFailReason()).isNotBlank());
        assertThat(all).anySatisfy(s -> assertThat(s.getProcess()).isBetween(0, 100));
    }

    @Test
    void officialSdkFiltersAsTheVendorDocuments() {
        WorkspaceClient workspace = client(TestSimulator.ACCESS_KEY_SECRET, NORTH_4_PROJECT);

        List<DesktopSnapshotDetailInfo> auto = workspace.listDesktopSnapshot(new ListDesktopSnapshotRequest()
                .withCreateType(ListDesktopSnapshotRequest.CreateTypeEnum.AUTO)
                .withDiskType(ListDesktopSnapshotRequest.DiskTypeEnum.SYSTEM_DISK)).getDesktopSnapshots();
        assertThat(auto).isNotEmpty().allSatisfy(s -> {
            assertThat(s.getCreateType()).hasToString("AUTO");
            assertThat(s.getIsSystemDisk()).isTrue();
        });

        ListDesktopSnapshotResponse failed = workspace.listDesktopSnapshot(new ListDesktopSnapshotRequest()
                .withStatus("create_failed").withDesktopName("wks-cn-north-4 x+y/é"));
        assertThat(failed.getTotalCount()).as("a name with characters that need encoding still verifies").isZero();

        List<DesktopSnapshotDetailInfo> oldestFirst = workspace.listDesktopSnapshot(new ListDesktopSnapshotRequest()
                .withSortField(ListDesktopSnapshotRequest.SortFieldEnum.CREATE_TIME)
                .withSortType(ListDesktopSnapshotRequest.SortTypeEnum.ASC).withLimit(3)).getDesktopSnapshots();
        assertThat(oldestFirst).extracting(DesktopSnapshotDetailInfo::getCreateTime).isSorted();
    }

    @Test
    void aWrongSecretGetsTheApiGatewaySignatureError() {
        ServiceResponseException error = catchThrowableOfType(ServiceResponseException.class,
                () -> client("not-the-secret", NORTH_4_PROJECT).listDesktopSnapshot(new ListDesktopSnapshotRequest()));

        assertThat(error.getHttpStatusCode()).isEqualTo(401);
        assertThat(error.getErrorCode()).isEqualTo("APIGW.0301");
        assertThat(error.getErrorMsg())
                .startsWith("Incorrect IAM authentication information: verify aksk signature fail");
        assertThat(error.getRequestId()).matches("[0-9a-f]{32}");
    }

    @Test
    void aBadEnumValueGetsAWorkspaceError() {
        ServiceResponseException error = catchThrowableOfType(ServiceResponseException.class,
                () -> client(TestSimulator.ACCESS_KEY_SECRET, NORTH_4_PROJECT)
                        .listDesktopSnapshot(new ListDesktopSnapshotRequest().withStatus("deleted")));

        assertThat(error.getHttpStatusCode()).isEqualTo(400);
        assertThat(error.getErrorCode()).startsWith("WKS.");
    }

    @Test
    void aProjectWithoutWorkspaceIsRefused() {
        ServiceResponseException error = catchThrowableOfType(ServiceResponseException.class,
                () -> client(TestSimulator.ACCESS_KEY_SECRET, "ffffffffffffffffffffffffffffffff")
                        .listDesktopSnapshot(new ListDesktopSnapshotRequest()));

        assertThat(error.getHttpStatusCode()).isEqualTo(403);
        assertThat(error.getErrorCode()).isEqualTo("WKS.00010099");
    }

    private WorkspaceClient client(String secret, String projectId) {
        return WorkspaceClient.newBuilder()
                .withCredential(new BasicCredentials().withAk(TestSimulator.ACCESS_KEY_ID).withSk(secret)
                        .withProjectId(projectId))
                .withEndpoints(List.of("http://127.0.0.1:" + TestSimulator.port()))
                .build();
    }
}
