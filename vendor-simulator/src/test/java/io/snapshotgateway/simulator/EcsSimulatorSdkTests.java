package io.snapshotgateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aliyun.ecs20140526.Client;
import com.aliyun.ecs20140526.models.DescribeSnapshotsRequest;
import com.aliyun.ecs20140526.models.DescribeSnapshotsResponseBody;
import com.aliyun.tea.TeaException;

/** The vendor's own ECS SDK (V3 signing, POST, query parameters), unchanged, against the simulator. */
class EcsSimulatorSdkTests {

    @Test
    void officialSdkListsEveryNumberedPageOfARegion() throws Exception {
        Client ecs = client(TestSimulator.ACCESS_KEY_SECRET);
        List<String> ids = new ArrayList<>();
        DescribeSnapshotsResponseBody body;
        int page = 1;
        do {
            body = ecs.describeSnapshots(new DescribeSnapshotsRequest().setRegionId("cn-shanghai")
                    .setPageNumber(page++).setPageSize(7)).getBody();
            body.getSnapshots().getSnapshot().forEach(s -> ids.add(s.getSnapshotId()));
        } while (ids.size() < body.getTotalCount() && page < 50);

        assertThat(body.getTotalCount()).isEqualTo(TestSimulator.SNAPSHOTS_PER_REGION);
        assertThat(ids).hasSize(TestSimulator.SNAPSHOTS_PER_REGION).doesNotHaveDuplicates();
        assertThat(page - 1).isEqualTo((TestSimulator.SNAPSHOTS_PER_REGION + 6) / 7);
    }

    @Test
    void officialSdkFollowsNextTokensToTheEnd() throws Exception {
        Client ecs = client(TestSimulator.ACCESS_KEY_SECRET);
        List<String> ids = new ArrayList<>();
        String token = null;
        int calls = 0;
        do {
            DescribeSnapshotsResponseBody body = ecs.describeSnapshots(new DescribeSnapshotsRequest()
                    .setRegionId("cn-hangzhou").setMaxResults(15).setNextToken(token)).getBody();
            body.getSnapshots().getSnapshot().forEach(s -> ids.add(s.getSnapshotId()));
            token = body.getNextToken();
            calls++;
        } while (token != null && !token.isEmpty() && calls < 50);

        assertThat(calls).isEqualTo(3);
        assertThat(ids).hasSize(TestSimulator.SNAPSHOTS_PER_REGION).doesNotHaveDuplicates();
    }

    @Test
    void officialSdkFiltersAsTheVendorDocuments() throws Exception {
        DescribeSnapshotsResponseBody body = client(TestSimulator.ACCESS_KEY_SECRET).describeSnapshots(
                new DescribeSnapshotsRequest().setRegionId("cn-hangzhou").setPageSize(100)
                        .setSourceDiskType("Data").setSnapshotType("auto"))
                .getBody();
        assertThat(body.getSnapshots().getSnapshot()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.getSourceDiskType()).isEqualTo("data");
            assertThat(s.getSnapshotType()).isEqualTo("auto");
        });
    }

    @Test
    void aWrongSecretGetsTheVendorsSignatureError() {
        TeaException error = catchThrowableOfType(TeaException.class, () -> client("not-the-secret")
                .describeSnapshots(new DescribeSnapshotsRequest().setRegionId("cn-hangzhou")));
        assertThat(error.getCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(error.getData()).containsEntry("statusCode", 400);
    }

    @Test
    void anUnknownRegionGetsTheVendorsRegionError() {
        TeaException error = catchThrowableOfType(TeaException.class, () -> client(TestSimulator.ACCESS_KEY_SECRET)
                .describeSnapshots(new DescribeSnapshotsRequest().setRegionId("mars-north-1")));
        assertThat(error.getCode()).isEqualTo("InvalidRegionId.NotFound");
    }

    private Client client(String secret) throws Exception {
        return new Client(TestSimulator.alibabaSdkConfig(secret));
    }
}
