package io.snapshotgateway.provider.alibaba.ecs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.CreationType;
import io.snapshotgateway.DiskType;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.SnapshotFilter;
import io.snapshotgateway.SnapshotStatus;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.UpstreamFailure;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.WireMockVendors;

@QuarkusTest
@WithTestResource(WireMockVendors.class)
class EcsSnapshotProviderTests {
    private static final Scope HANGZHOU = new Scope("wm-ecs", Provider.ALIBABA_ECS, "cn-hangzhou", null);
    private static final String PATH = "/cn-hangzhou/";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    EcsSnapshotProvider provider;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    @Test
    void listsEveryPageUsingTheTotalCount() {
        for (int page = 1; page <= 3; page++) {
            int from = (page - 1) * 100;
            wireMock.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("PageNumber", equalTo(Integer.toString(page)))
                    .willReturn(okJson(EcsResponses.page("cn-hangzhou", 250, page, 100, from, Math.min(from + 100, 250)))));
        }

        List<Snapshot> snapshots = list();

        assertThat(snapshots).hasSize(250);
        assertThat(snapshots.stream().map(Snapshot::id).distinct()).hasSize(250);
        wireMock.verify(3, getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("RegionId", equalTo("cn-hangzhou"))
                .withQueryParam("PageSize", equalTo("100"))
                .withHeader("x-acs-action", equalTo("DescribeSnapshots"))
                .withHeader("x-acs-version", equalTo("2014-05-26"))
                .withHeader("x-acs-content-sha256", equalTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
                .withHeader("Authorization", matching("ACS3-HMAC-SHA256 Credential=" + WireMockVendors.ACCESS_KEY_ID
                        + ",SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;"
                        + "x-acs-version,Signature=[0-9a-f]{64}")));
    }

    @Test
    void keepsReadingWhileTheVendorUnderstatesTheTotal() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("PageNumber", equalTo("1"))
                .willReturn(okJson(EcsResponses.page("cn-hangzhou", 100, 1, 100, 0, 100))));
        wireMock.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("PageNumber", equalTo("2"))
                .willReturn(okJson(EcsResponses.page("cn-hangzhou", 100, 2, 100, 100, 130))));

        assertThat(list()).hasSize(130);
    }

    @Test
    void refusesAListingLongerThanThePageGuard() {
        wireMock.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(okJson(EcsResponses.page("cn-hangzhou", 1_000_000, 1, 100, 0, 100))));

        UpstreamFailure failure = failure();

        assertThat(failure.type()).isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);
        assertThat(failure.detail()).contains("more than 5 pages");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void asksTheVendorForOneInstanceAndSaysSoOnEachSnapshot() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(EcsResponses.page("cn-hangzhou", 1, 1, 100, 0, 1))));

        List<Snapshot> snapshots = provider.listOfInstance(HANGZHOU, "i-1").await().atMost(Duration.ofSeconds(10));

        wireMock.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("InstanceId", equalTo("i-1"))
                .withQueryParam("SnapshotName", absent()));
        // ECS does not return the instance; the gateway knows it from the filter it sent.
        assertThat(snapshots).isNotEmpty().allSatisfy(s -> assertThat(s.instanceId()).isEqualTo("i-1"));
        assertThat(provider.resolvesInstancesAtVendor()).isTrue();
    }

    @Test
    void listsTheWholeScopeWithNoFilter() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(EcsResponses.page("cn-hangzhou", 1, 1, 100, 0, 1))));

        list();

        wireMock.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("InstanceId", absent())
                .withQueryParam("Status", absent()).withQueryParam("SnapshotIds", absent()));
    }

    @Test
    void classifiesThrottlingWithItsRetryAfter() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withHeader("x-acs-retry-after", "2500")
                .withBody(EcsResponses.error("Throttling.User", "Request was denied due to user flow control.", "R-1"))));

        UpstreamFailure failure = failure();

        assertThat(failure.type()).isEqualTo(ProblemType.UPSTREAM_THROTTLED);
        assertThat(failure.vendorCode()).isEqualTo("Throttling.User");
        assertThat(failure.vendorRequestId()).isEqualTo("R-1");
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void neverPassesOnTheStringToSignOfASignatureError() {
        String leaky = "Specified signature is not matched with our calculation. server string to sign is:GET&%2F&AccessKeyId%3D"
                + WireMockVendors.ACCESS_KEY_ID + "%26Action%3DDescribeSnapshots";
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(EcsResponses.error("SignatureDoesNotMatch", leaky, "R-2"))));

        UpstreamFailure failure = failure();

        assertThat(failure.type()).isEqualTo(ProblemType.UPSTREAM_REJECTED);
        assertThat(failure.vendorCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(failure.vendorMessage()).startsWith("Specified signature is not matched")
                .doesNotContain(WireMockVendors.ACCESS_KEY_ID).doesNotContain("GET&");
    }

    @Test
    void classifiesUnreadableAnswersAndTransportFailures() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"TotalCount\": 3, \"Snapshots\": {")));
        assertThat(failure().type()).isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);

        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Bad Gateway</body></html>")));
        UpstreamFailure html = failure();
        assertThat(html.type()).isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);
        assertThat(html.httpStatus()).isEqualTo(502);

        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(failure().type()).isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);

        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(EcsResponses.page("cn-hangzhou", 1, 1, 100, 0, 1))
                .withFixedDelay(3500)));
        assertThat(failure().type()).isEqualTo(ProblemType.UPSTREAM_TIMEOUT);
    }

    private List<Snapshot> list() {
        return provider.list(HANGZHOU).await().atMost(Duration.ofSeconds(10));
    }

    private UpstreamFailure failure() {
        Throwable thrown = catchThrowable(() -> list());
        assertThat(thrown).isInstanceOf(UpstreamException.class);
        return ((UpstreamException) thrown).failure();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=utf-8").withBody(body);
    }
}
