package io.snapshotgateway.provider.huawei.workspace;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.CreationType;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.SnapshotFilter;
import io.snapshotgateway.SnapshotStatus;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.UpstreamFailure;
import io.snapshotgateway.provider.huawei.HuaweiSigningFilter;
import io.snapshotgateway.source.AccessKey;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.WireMockWorkspace;
import io.snapshotgateway.support.WorkspaceResponses;

@QuarkusTest
@WithTestResource(WireMockWorkspace.class)
class WorkspaceSnapshotProviderTests {
    private static final Scope NORTH_4 = new Scope(WireMockWorkspace.SOURCE, Provider.HUAWEI_WORKSPACE, "cn-north-4",
            WireMockWorkspace.NORTH_4_PROJECT);
    private static final Scope EAST_3 = new Scope(WireMockWorkspace.SOURCE, Provider.HUAWEI_WORKSPACE, "cn-east-3",
            WireMockWorkspace.EAST_3_PROJECT);
    private static final String PATH = "/cn-north-4/v2/" + WireMockWorkspace.NORTH_4_PROJECT + "/snapshots";
    private static final String OFFSET = WorkspaceParameter.OFFSET.wireName();
    private static final String LIMIT = WorkspaceParameter.LIMIT.wireName();
    private static final String SORT_FIELD = WorkspaceParameter.SORT_FIELD.wireName();
    private static final String SORT_TYPE = WorkspaceParameter.SORT_TYPE.wireName();

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    WorkspaceSnapshotProvider provider;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    @Test
    void listsEveryOffsetPageUsingTheTotalCount() {
        for (int offset = 0; offset < 250; offset += 100) {
            wireMock.stubFor(get(urlPathEqualTo(PATH)).withQueryParam(OFFSET, equalTo(Integer.toString(offset)))
                    .willReturn(
                            okJson(WorkspaceResponses.page("cn-north-4", 250, offset, Math.min(offset + 100, 250)))));
        }

        List<Snapshot> snapshots = list(NORTH_4);

        assertThat(snapshots).hasSize(250);
        assertThat(snapshots.stream().map(Snapshot::id).distinct()).hasSize(250);
        assertThat(snapshots).allSatisfy(s -> {
            assertThat(s.provider()).isEqualTo(Provider.HUAWEI_WORKSPACE);
            assertThat(s.projectId()).isEqualTo(WireMockWorkspace.NORTH_4_PROJECT);
            assertThat(s.region()).isEqualTo("cn-north-4");
        });
        for (String offset : List.of("0", "100", "200")) {
            wireMock.verify(1, getRequestedFor(urlPathEqualTo(PATH))
                    .withQueryParam(OFFSET, equalTo(offset))
                    .withQueryParam(LIMIT, equalTo("100"))
                    .withQueryParam(SORT_FIELD, equalTo("create_time"))
                    .withQueryParam(SORT_TYPE, equalTo("DESC"))
                    .withHeader("X-Project-Id", equalTo(WireMockWorkspace.NORTH_4_PROJECT))
                    .withHeader("X-Sdk-Date", matching("\\d{8}T\\d{6}Z"))
                    .withHeader("X-Security-Token", absent())
                    .withHeader("Authorization", matching("SDK-HMAC-SHA256 Access=" + WireMockWorkspace.ACCESS_KEY_ID
                            + ", SignedHeaders=host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}")));
        }
        wireMock.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void spellsItsParametersAsTheVendorDocumentsThem() {
        assertThat(WorkspaceSnapshotProvider.parameters(100, 50)).containsExactly(Map.entry("offset", "100"),
                Map.entry("limit", "50"), Map.entry("sort_field", "create_time"), Map.entry("sort_type", "DESC"));
    }

    @Test
    void callsEachRegionWithItsOwnProject() {
        String east = "/cn-east-3/v2/" + WireMockWorkspace.EAST_3_PROJECT + "/snapshots";
        wireMock.stubFor(get(urlPathEqualTo(east)).willReturn(okJson(WorkspaceResponses.page("cn-east-3", 2, 0, 2))));

        assertThat(list(EAST_3)).hasSize(2)
                .allSatisfy(s -> assertThat(s.projectId()).isEqualTo(WireMockWorkspace.EAST_3_PROJECT));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(east))
                .withHeader("X-Project-Id", equalTo(WireMockWorkspace.EAST_3_PROJECT)));
    }

    @Test
    void keepsReadingWhileTheVendorUnderstatesTheTotal() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).withQueryParam(OFFSET, equalTo("0"))
                .willReturn(okJson(WorkspaceResponses.page("cn-north-4", 100, 0, 100))));
        wireMock.stubFor(get(urlPathEqualTo(PATH)).withQueryParam(OFFSET, equalTo("100"))
                .willReturn(okJson(WorkspaceResponses.page("cn-north-4", 100, 100, 130))));

        assertThat(list(NORTH_4)).hasSize(130);
    }

    @Test
    void refusesAListingLongerThanThePageGuard() {
        wireMock.stubFor(get(urlPathEqualTo(PATH))
                .willReturn(okJson(WorkspaceResponses.page("cn-north-4", 1_000_000, 0, 100))));

        UpstreamFailure failure = failure(NORTH_4);

        assertThat(failure.type()).isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);
        assertThat(failure.detail()).contains("more than 5 pages");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void signsLikeTheVendorLibraryWithATemporaryKey() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(WorkspaceResponses.page("cn-north-4", 0, 0, 0))));
        AccessKey key = new AccessKey("HPUATEMPORARYAK", "temporary-sk", "security-token-value");
        WorkspaceApi api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(wireMock.baseUrl() + "/cn-north-4/"))
                .register(new HuaweiSigningFilter(key, WireMockWorkspace.NORTH_4_PROJECT,
                        Clock.fixed(Instant.parse("2019-11-15T03:36:55Z"), ZoneOffset.UTC)))
                .build(WorkspaceApi.class);

        api.listSnapshots(WireMockWorkspace.NORTH_4_PROJECT,
                WorkspaceSnapshotProvider.parameters(0, 50))
                .await().atMost(Duration.ofSeconds(5));

        LoggedRequest sent = wireMock.findAll(getRequestedFor(urlPathEqualTo(PATH))).get(0);
        assertThat(sent.getHeader("X-Sdk-Date")).isEqualTo("20191115T033655Z");
        assertThat(sent.getHeader("X-Security-Token")).isEqualTo("security-token-value");
        HttpRequest.HttpRequestBuilder official = HttpRequest.newBuilder().withEndpoint(wireMock.baseUrl())
                .withMethod(HttpMethod.GET).withPath(PATH)
                .addHeader("X-Sdk-Date", "20191115T033655Z")
                .addHeader("X-Project-Id", WireMockWorkspace.NORTH_4_PROJECT)
                .addHeader("X-Security-Token", "security-token-value");
        sent.getQueryParams().forEach((name, values) -> official.addQueryParam(name, values.values()));
        assertThat(sent.getHeader("Authorization")).isEqualTo(AKSKSigner.getInstance().sign(official.build(),
                new BasicCredentials().withAk(key.id()).withSk(key.secret())).get("Authorization"))
                .contains("SignedHeaders=host;x-project-id;x-sdk-date;x-security-token,");
    }

    @Test
    void classifiesThrottlingWithItsRetryAfterAndRequestId() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("Retry-After", "4")
                .withHeader("X-Request-Id", "0b4d1c2e3f4a5b6c7d8e9f0a1b2c3d4e")
                .withBody(WorkspaceResponses.error("APIGW.0308",
                        "The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 minute"))));

        UpstreamFailure failure = failure(NORTH_4);

        assertThat(failure.type()).isEqualTo(ProblemType.UPSTREAM_THROTTLED);
        assertThat(failure.vendorCode()).isEqualTo("APIGW.0308");
        assertThat(failure.vendorRequestId()).isEqualTo("0b4d1c2e3f4a5b6c7d8e9f0a1b2c3d4e");
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(4));
        assertThat(failure.httpStatus()).isEqualTo(429);
    }

    @Test
    void rejectsABadSignatureWithoutPassingTheKeyOn() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withHeader("X-Request-Id", "req-401")
                .withBody(WorkspaceResponses.error("APIGW.0301", "Incorrect IAM authentication information: "
                        + "verify aksk signature fail, Access=" + WireMockWorkspace.ACCESS_KEY_ID
                        + " canonical request: GET /v2/"))));

        UpstreamFailure failure = failure(NORTH_4);

        assertThat(failure.type()).isEqualTo(ProblemType.UPSTREAM_REJECTED);
        assertThat(failure.vendorCode()).isEqualTo("APIGW.0301");
        assertThat(failure.vendorRequestId()).isEqualTo("req-401");
        assertThat(failure.vendorMessage()).startsWith("Incorrect IAM authentication information: verify aksk")
                .doesNotContain(WireMockWorkspace.ACCESS_KEY_ID).doesNotContain("GET /v2/");
    }

    @Test
    void rejectsAnInvalidWorkspaceParameter() {
        for (String code : List.of("WKS.0001", "Workspace.0001")) {
            wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(WorkspaceResponses.error(code, "The request message input by the interface is empty."))));

            UpstreamFailure failure = failure(NORTH_4);

            assertThat(failure.type()).as(code).isEqualTo(ProblemType.UPSTREAM_REJECTED);
            assertThat(failure.vendorCode()).isEqualTo(code);
            assertThat(failure.vendorMessage()).isEqualTo("The request message input by the interface is empty.");
        }
    }

    @Test
    void classifiesServerErrorsUnreadableAnswersAndTransportFailures() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody(WorkspaceResponses.error("WKS.0500", "An internal service error occurred."))));
        assertThat(failure(NORTH_4).type()).isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);

        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Bad Gateway</body></html>")));
        UpstreamFailure html = failure(NORTH_4);
        assertThat(html.type()).isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);
        assertThat(html.httpStatus()).isEqualTo(502);
        assertThat(html.detail()).contains("not a Huawei error");

        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"total_count\": 3, \"desktop_snapshots\": [")));
        assertThat(failure(NORTH_4).type()).isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);

        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(failure(NORTH_4).type()).isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);

        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(WorkspaceResponses.page("cn-north-4", 1, 0, 1))
                .withFixedDelay(3500)));
        assertThat(failure(NORTH_4).type()).isEqualTo(ProblemType.UPSTREAM_TIMEOUT);
    }

    private List<Snapshot> list(Scope scope) {
        return provider.list(scope).await().atMost(Duration.ofSeconds(10));
    }

    private UpstreamFailure failure(Scope scope) {
        Throwable thrown = catchThrowable(() -> list(scope));
        assertThat(thrown).isInstanceOf(UpstreamException.class);
        return ((UpstreamException) thrown).failure();
    }

    private static SnapshotFilter filter(Set<String> desktopIds, Set<SnapshotStatus> statuses,
            Set<CreationType> creationTypes) {
        return new SnapshotFilter(Set.of(), Set.of(), desktopIds, Set.of(), Set.of(), statuses, Set.of(),
                creationTypes, null, null);
    }

    private static ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
    }
}
