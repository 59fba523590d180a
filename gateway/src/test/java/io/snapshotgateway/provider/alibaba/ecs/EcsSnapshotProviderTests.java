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

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aliyun.tea.TeaRequest;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.UpstreamFailure;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.Management;
import io.snapshotgateway.support.WireMockVendors;

@QuarkusTest
@WithTestResource(WireMockVendors.class)
class EcsSnapshotProviderTests {
    private static final Scope HANGZHOU = new Scope("wm-ecs", Provider.ALIBABA_ECS, "cn-hangzhou", null);
    private static final String PATH = "/cn-hangzhou/";
    private static final String PAGE_NUMBER = EcsParameter.PAGE_NUMBER.wireName();
    private static final String REGION_ID = EcsParameter.REGION_ID.wireName();
    private static final String PAGE_SIZE = EcsParameter.PAGE_SIZE.wireName();
    private static final String INSTANCE_ID = EcsParameter.INSTANCE_ID.wireName();

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
            wireMock.stubFor(get(urlPathEqualTo(PATH)).withQueryParam(PAGE_NUMBER, equalTo(Integer.toString(page)))
                    .willReturn(
                            okJson(EcsResponses.page("cn-hangzhou", 250, page, 100, from, Math.min(from + 100, 250)))));
        }

        List<Snapshot> snapshots = list();

        assertThat(snapshots).hasSize(250);
        assertThat(snapshots.stream().map(Snapshot::id).distinct()).hasSize(250);
        wireMock.verify(3, getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam(REGION_ID, equalTo("cn-hangzhou"))
                .withQueryParam(PAGE_SIZE, equalTo("100"))
                .withHeader("x-acs-action", equalTo("DescribeSnapshots"))
                .withHeader("x-acs-version", equalTo("2014-05-26"))
                .withHeader("x-acs-content-sha256",
                        equalTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
                .withHeader("Authorization", matching("ACS3-HMAC-SHA256 Credential=" + WireMockVendors.ACCESS_KEY_ID
                        + ",SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;"
                        + "x-acs-version,Signature=[0-9a-f]{64}")));
    }

    /**
     * The regex above only proves the Authorization header has the right shape. Here every request the gateway put
     * on the wire (three pages of a scope, then two pages of an instance lookup) is handed, as the vendor would
     * receive it, to Alibaba's own V3 signer (openapiutil {@code getAuthorization}); the header the gateway sent must
     * be exactly what that signer computes with the source's secret. A request changed after signing must not
     * match, or this comparison could never fail.
     */
    @Test
    void signsEveryPageAndInstanceLookupExactlyLikeTheVendorLibrary() throws Exception {
        for (int page = 1; page <= 3; page++) {
            int from = (page - 1) * 100;
            wireMock.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("InstanceId", absent())
                    .withQueryParam("PageNumber", equalTo(Integer.toString(page)))
                    .willReturn(
                            okJson(EcsResponses.page("cn-hangzhou", 250, page, 100, from, Math.min(from + 100, 250)))));
        }
        String instance = "i-bp67acfmxazb4ph1a2b3";
        for (int page = 1; page <= 2; page++) {
            int from = (page - 1) * 100;
            wireMock.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("InstanceId", equalTo(instance))
                    .withQueryParam("PageNumber", equalTo(Integer.toString(page)))
                    .willReturn(
                            okJson(EcsResponses.page("cn-hangzhou", 120, page, 100, from, Math.min(from + 100, 120)))));
        }

        assertThat(list()).hasSize(250);
        assertThat(provider.listOfInstance(HANGZHOU, instance).await().atMost(Duration.ofSeconds(10))).hasSize(120);

        List<LoggedRequest> sent = wireMock.findAll(getRequestedFor(urlPathEqualTo(PATH)));
        assertThat(sent).hasSize(5);
        assertThat(sent.stream().filter(r -> r.queryParameter("InstanceId").isPresent())).hasSize(2);
        for (LoggedRequest request : sent) {
            TeaRequest asReceived = asTheVendorReceivesIt(request);
            assertThat(request.getHeader("Authorization"))
                    .as("Authorization of %s", request.getUrl())
                    .isEqualTo(officialAuthorization(asReceived));
        }
        // Each request is signed afresh: a repeated nonce would be refused by ECS as a replay.
        assertThat(sent.stream().map(r -> r.getHeader("x-acs-signature-nonce")).distinct()).hasSize(5);

        // The same comparison fails once anything signed differs from what the gateway signed, so the equality above
        // is evidence, not a tautology of how the request was rebuilt.
        LoggedRequest first = sent.get(0);
        TeaRequest otherPage = asTheVendorReceivesIt(first);
        otherPage.query.put("PageNumber", otherPage.query.get("PageNumber").equals("1") ? "2" : "1");
        assertThat(first.getHeader("Authorization")).isNotEqualTo(officialAuthorization(otherPage));
        TeaRequest otherInstance = asTheVendorReceivesIt(first);
        otherInstance.query.put("InstanceId", "i-someone-else");
        assertThat(first.getHeader("Authorization")).isNotEqualTo(officialAuthorization(otherInstance));
        TeaRequest otherDate = asTheVendorReceivesIt(first);
        otherDate.headers.put("x-acs-date", "2000-01-01T00:00:00Z");
        assertThat(first.getHeader("Authorization")).isNotEqualTo(officialAuthorization(otherDate));
    }

    /**
     * The official signer's input rebuilt from what reached WireMock: the method and query sent, and the headers the
     * Authorization header names as signed, with the values that arrived (so {@code host} is WireMock's host:port).
     * The path is {@code /}: ECS is an RPC API served at the endpoint's root, which the vendor signs as {@code /}
     * (vendor-reference, CanonicalURI); {@code /cn-hangzhou/} exists only because this test's endpoint routes the
     * region through the path.
     */
    private static TeaRequest asTheVendorReceivesIt(LoggedRequest request) throws Exception {
        assertThat(request.getUrl()).startsWith(PATH + "?");
        String authorization = request.getHeader("Authorization");
        assertThat(authorization).startsWith("ACS3-HMAC-SHA256 Credential=" + WireMockVendors.ACCESS_KEY_ID + ",");
        Set<String> signedNames = Set.of(authorization.replaceAll(".*SignedHeaders=([^,]*),.*", "$1").split(";"));
        // ECS checks only the headers the client declares signed, so the declared set must hold everything ECS
        // requires to be signed: host and every x-acs-* header that was sent.
        Set<String> mustBeSigned = request.getHeaders().all().stream().map(h -> h.key().toLowerCase(Locale.ROOT))
                .filter(name -> name.equals("host") || name.startsWith("x-acs-")).collect(Collectors.toSet());
        assertThat(signedNames).containsAll(mustBeSigned)
                .contains("host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce",
                        "x-acs-content-sha256");

        TeaRequest tea = new TeaRequest();
        tea.method = request.getMethod().getName();
        tea.pathname = "/";
        tea.query = new TreeMap<>();
        request.getQueryParams().forEach((name, values) -> {
            assertThat(values.values()).as("query parameter %s sent once", name).hasSize(1);
            tea.query.put(name, values.firstValue());
        });
        tea.headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            String name = header.key().toLowerCase(Locale.ROOT);
            if (signedNames.contains(name)) {
                assertThat(header.values()).as("header %s sent once", name).hasSize(1);
                tea.headers.put(name, header.firstValue());
            }
        }
        assertThat(tea.headers.keySet()).as("every header named as signed was sent").containsAll(signedNames);
        // The payload hash is that of the body that arrived (none), as ECS computes it, not just what the header says.
        assertThat(tea.headers.get("x-acs-content-sha256")).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBody())));
        return tea;
    }

    /** What Alibaba's openapiutil computes for this request with the source's key (payload hash checked above). */
    private static String officialAuthorization(TeaRequest request) throws Exception {
        return com.aliyun.openapiutil.Client.getAuthorization(request, "ACS3-HMAC-SHA256",
                request.headers.get("x-acs-content-sha256"), WireMockVendors.ACCESS_KEY_ID,
                WireMockVendors.ACCESS_KEY_SECRET);
    }

    @Test
    void keepsReadingWhileTheVendorUnderstatesTheTotal() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).withQueryParam(PAGE_NUMBER, equalTo("1"))
                .willReturn(okJson(EcsResponses.page("cn-hangzhou", 100, 1, 100, 0, 100))));
        wireMock.stubFor(get(urlPathEqualTo(PATH)).withQueryParam(PAGE_NUMBER, equalTo("2"))
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
        wireMock.stubFor(
                get(urlPathEqualTo(PATH)).willReturn(okJson(EcsResponses.page("cn-hangzhou", 1, 1, 100, 0, 1))));

        List<Snapshot> snapshots = provider.listOfInstance(HANGZHOU, "i-1").await().atMost(Duration.ofSeconds(10));

        wireMock.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam(INSTANCE_ID, equalTo("i-1"))
                .withQueryParam("SnapshotName", absent()));
        // ECS does not return the instance; the gateway knows it from the filter it sent.
        assertThat(snapshots).isNotEmpty().allSatisfy(s -> assertThat(s.instanceId()).isEqualTo("i-1"));
        assertThat(provider.resolvesInstancesAtVendor()).isTrue();
    }

    @Test
    void listsTheWholeScopeWithNoFilter() {
        wireMock.stubFor(
                get(urlPathEqualTo(PATH)).willReturn(okJson(EcsResponses.page("cn-hangzhou", 1, 1, 100, 0, 1))));

        list();

        wireMock.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam(INSTANCE_ID, absent())
                .withQueryParam("Status", absent()).withQueryParam("SnapshotIds", absent()));
    }

    @Test
    void spellsItsParametersAsTheVendorDocumentsThem() {
        assertThat(EcsSnapshotProvider.parameters(HANGZHOU, "i-1", 2, 50)).containsExactly(
                Map.entry("RegionId", "cn-hangzhou"), Map.entry("PageNumber", "2"), Map.entry("PageSize", "50"),
                Map.entry("InstanceId", "i-1"));
        assertThat(EcsSnapshotProvider.parameters(HANGZHOU, null, 1, 50)).doesNotContainKey("InstanceId");
    }

    @Test
    void classifiesThrottlingWithItsRetryAfter() {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withHeader("x-acs-retry-after", "2500")
                .withBody(
                        EcsResponses.error("Throttling.User", "Request was denied due to user flow control.", "R-1"))));

        UpstreamFailure failure = failure();

        assertThat(failure.type()).isEqualTo(ProblemType.UPSTREAM_THROTTLED);
        assertThat(failure.vendorCode()).isEqualTo("Throttling.User");
        assertThat(failure.vendorRequestId()).isEqualTo("R-1");
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void neverPassesOnTheStringToSignOfASignatureError() {
        String leaky = "Specified signature is not matched with our calculation. server string to sign "
                + "is:GET&%2F&AccessKeyId%3D"
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

    @Test
    void countsAVendorValueThatNormalizedToNothing() throws Exception {
        String doc;
        try (InputStream in = getClass().getResourceAsStream("/alibaba/ecs/describe-snapshots-doc-sample.json")) {
            doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(doc)));
        double creationTypes = normalizedEmpty("creation_type");
        double diskTypes = normalizedEmpty("disk_type");

        // The doc sample's SnapshotType "all" is no creation type: null, kept raw, and counted.
        assertThat(list()).singleElement().satisfies(s -> {
            assertThat(s.creationType()).isNull();
            assertThat(s.attributes()).containsEntry("SnapshotType", "all");
        });
        assertThat(normalizedEmpty("creation_type")).isEqualTo(creationTypes + 1);
        assertThat(normalizedEmpty("disk_type")).as("system normalizes").isEqualTo(diskTypes);
    }

    /** The count of ECS values of {@code field} that normalized to nothing (0 before the first listing). */
    private static double normalizedEmpty(String field) {
        Matcher m = Pattern.compile("snapshot_gateway_normalized_empty_total\\{field=\"" + field
                + "\",provider=\"alibaba-ecs\"} (\\S+)").matcher(Management.metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
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
