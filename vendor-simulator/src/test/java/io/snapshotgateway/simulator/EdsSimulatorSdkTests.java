package io.snapshotgateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aliyun.ecd20200930.Client;
import com.aliyun.ecd20200930.models.DescribeSnapshotsRequest;
import com.aliyun.ecd20200930.models.DescribeSnapshotsResponseBody;
import com.aliyun.tea.TeaException;

/** The vendor's own EDS SDK (V1 signing in the query, POST), unchanged, against the simulator. */
class EdsSimulatorSdkTests {

    @Test
    void officialSdkFollowsNextTokensThroughARegion() throws Exception {
        Client eds = client(TestSimulator.ACCESS_KEY_SECRET);
        List<String> ids = new ArrayList<>();
        String token = null;
        int calls = 0;
        do {
            DescribeSnapshotsResponseBody body = eds.describeSnapshots(new DescribeSnapshotsRequest()
                    .setRegionId("cn-shanghai").setMaxResults(9).setNextToken(token)).getBody();
            body.getSnapshots().forEach(s -> ids.add(s.getSnapshotId()));
            token = body.getNextToken();
            calls++;
        } while (token != null && !token.isEmpty() && calls < 50);

        assertThat(calls).isEqualTo((TestSimulator.SNAPSHOTS_PER_REGION + 8) / 9);
        assertThat(ids).hasSize(TestSimulator.SNAPSHOTS_PER_REGION).doesNotHaveDuplicates();
    }

    @Test
    void officialSdkFiltersByTypeAndDiskType() throws Exception {
        DescribeSnapshotsResponseBody body = client(TestSimulator.ACCESS_KEY_SECRET).describeSnapshots(
                new DescribeSnapshotsRequest().setRegionId("cn-hangzhou").setMaxResults(100)
                        .setSnapshotType("user").setSourceDiskType("System"))
                .getBody();
        assertThat(body.getSnapshots()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.getSnapshotType()).isEqualTo("USER");
            assertThat(s.getSourceDiskType()).isEqualTo("SYSTEM");
        });
    }

    @Test
    void aWrongSecretGetsTheVendorsSignatureError() {
        TeaException error = catchThrowableOfType(TeaException.class, () -> client("wrong-secret")
                .describeSnapshots(new DescribeSnapshotsRequest().setRegionId("cn-hangzhou")));
        assertThat(error.getCode()).isEqualTo("SignatureDoesNotMatch");
    }

    private Client client(String secret) throws Exception {
        return new Client(TestSimulator.alibabaSdkConfig(secret));
    }
}
