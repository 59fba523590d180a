package io.snapshotgateway.provider.alibaba.eds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.UpstreamFailure;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.WireMockEds;

@QuarkusTest
@WithTestResource(WireMockEds.class)
class EdsSnapshotProviderTests {
    private static final Scope HANGZHOU = new Scope("wm-eds", Provider.ALIBABA_EDS, "cn-hangzhou", null);
    private static final String PATH = "/cn-hangzhou/";
    private static final String REGION_ID = EdsParameter.REGION_ID.wireName();
    private static final String MAX_RESULTS = EdsParameter.MAX_RESULTS.wireName();
    private static final String NEXT_TOKEN = EdsParameter.NEXT_TOKEN.wireName();

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    EdsSnapshotProvider provider;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    @Test
    void followsNextTokensToTheEndAndSignsLikeTheVendorLibrary() throws Exception {
        stubPage(null, 0, 100, "tok-1");
        stubPage("tok-1", 100, 200, "tok-2");
        stubPage("tok-2", 200, 230, "");

        List<Snapshot> snapshots = list();

        assertThat(snapshots).hasSize(230);
        assertThat(snapshots.stream().map(Snapshot::id).distinct()).hasSize(230);
        List<LoggedRequest> requests = wireMock.findAll(getRequestedFor(urlPathEqualTo(PATH)));
        assertThat(requests).hasSize(3);
        for (LoggedRequest request : requests) {
            Map<String, String> params = new HashMap<>();
            request.getQueryParams().forEach((k, v) -> params.put(k, v.firstValue()));
            assertThat(params).containsEntry("Action", "DescribeSnapshots").containsEntry("Version", "2020-09-30")
                    .containsEntry(REGION_ID, "cn-hangzhou").containsEntry(MAX_RESULTS, "100")
                    .containsEntry("Format", "JSON").containsEntry("SignatureMethod", "HMAC-SHA1")
                    .containsEntry("SignatureVersion", "1.0").containsEntry("AccessKeyId", WireMockEds.ACCESS_KEY_ID)
                    .containsKeys("SignatureNonce", "Timestamp", "Signature");
            String sent = params.remove("Signature");
            assertThat(sent).isEqualTo(com.aliyun.openapiutil.Client.getRPCSignature(params, "GET",
                    WireMockEds.ACCESS_KEY_SECRET));
        }
        assertThat(requests.stream().map(r -> r.queryParameter("SignatureNonce").firstValue()).distinct()).hasSize(3);
    }

    @Test
    void spellsItsParametersAsTheVendorDocumentsThem() {
        assertThat(EdsSnapshotProvider.parameters(HANGZHOU, "tok-1", 50)).containsExactly(
                Map.entry("RegionId", "cn-hangzhou"), Map.entry("MaxResults", "50"), Map.entry("NextToken", "tok-1"));
        assertThat(EdsSnapshotProvider.parameters(HANGZHOU, null, 50)).doesNotContainKey("NextToken");
    }

    @Test
    void failsAVendorThatRepeatsItsToken() {
        stubPage(null, 0, 100, "tok-1");
        stubPage("tok-1", 100, 200, "tok-1");

        UpstreamFailure failure = failure();

        assertThat(failure.type()).isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);
        assertThat(failure.detail()).contains("same continuation token twice");
    }

    @Test
    void failsAVendorThatNeverEnds() {
        stubPage(null, 0, 1, "t1");
        IntStream.range(1, 10).forEach(i -> stubPage("t" + i, i, i + 1, "t" + (i + 1)));

        assertThat(failure().detail()).contains("more than 5 pages");
        wireMock.verify(5, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void classifiesTheSharedAlibabaErrorBody() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"RequestId\":\"R-9\",\"HostId\":\"ecd.aliyuncs.com\",\"Code\":\"ServiceUnavailable\","
                        + "\"Message\":\"The request has failed due to a temporary failure of the server.\"}")));

        UpstreamFailure failure = failure();

        assertThat(failure.type()).isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);
        assertThat(failure.vendorCode()).isEqualTo("ServiceUnavailable");
        assertThat(failure.vendorRequestId()).isEqualTo("R-9");
    }

    private void stubPage(String token, int from, int to, String next) {
        String snapshots = IntStream.range(from, to).mapToObj(i -> "{\"SnapshotId\":\"s-" + i + "\","
                + "\"Status\":\"ACCOMPLISHED\",\"Progress\":\"100%\",\"DesktopId\":\"ecd-" + (i % 4) + "\","
                + "\"CreationTime\":\"" + Instant.parse("2024-01-01T00:00:00Z").minusSeconds(60L * i) + "\","
                + "\"SnapshotType\":\"USER\",\"SourceDiskType\":\"SYSTEM\",\"SourceDiskSize\":\"80\"}")
                .collect(Collectors.joining(","));
        wireMock.stubFor(get(urlPathEqualTo(PATH))
                .withQueryParam(NEXT_TOKEN, token == null ? absent() : equalTo(token))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"RequestId\":\"R\",\"NextToken\":\"" + next + "\",\"Snapshots\":[" + snapshots
                                + "]}")));
    }

    private List<Snapshot> list() {
        return provider.list(HANGZHOU).await().atMost(Duration.ofSeconds(10));
    }

    private UpstreamFailure failure() {
        Throwable thrown = catchThrowable(() -> list());
        assertThat(thrown).isInstanceOf(UpstreamException.class);
        return ((UpstreamException) thrown).failure();
    }
}
