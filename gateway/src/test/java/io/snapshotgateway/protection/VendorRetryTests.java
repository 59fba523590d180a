package io.snapshotgateway.protection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.UpstreamFailure;
import io.snapshotgateway.provider.alibaba.ecs.EcsSnapshotProvider;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.Management;
import io.snapshotgateway.support.WireMockFaults;

/**
 * The fault matrix of one vendor call: what is retried (throttling, 5xx, a reset or dropped connection) and what is
 * not (a body that cannot be read, a slow answer; an oversized one in ResponseSizeLimitTests), and the retry budget
 * that bounds the extra calls.
 */
@QuarkusTest
@WithTestResource(WireMockFaults.class)
class VendorRetryTests {
    private static final Scope HANGZHOU = new Scope("wm-ecs", Provider.ALIBABA_ECS, "cn-hangzhou", null);
    private static final String PATH = "/cn-hangzhou/";
    private static final String ONE_PAGE = EcsResponses.page("cn-hangzhou", 3, 1, 100, 0, 3);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    EcsSnapshotProvider provider;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    @Test
    void retriesThrottlingAfterTheVendorsRetryAfter() {
        double before = retries("throttled");
        failOnceThen(aResponse().withStatus(400).withHeader("x-acs-retry-after", "300")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"RequestId\":\"R-1\",\"Code\":\"Throttling.User\","
                        + "\"Message\":\"Request was denied due to user flow control.\"}"));

        long started = System.nanoTime();
        List<Snapshot> listed = list();

        assertThat(listed).hasSize(3);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
        // the vendor asked for 300 ms; the gateway's own back-off bound is 100 ms here
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(retries("throttled")).isEqualTo(before + 1);
    }

    @Test
    void retriesServerErrorsResetsAndDroppedConnections() {
        failOnceThen(aResponse().withStatus(503).withBody("busy"));
        assertThat(list()).hasSize(3);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(PATH)));

        wireMock.resetAll();
        failOnceThen(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(list()).hasSize(3);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(PATH)));

        wireMock.resetAll();
        failOnceThen(aResponse().withFault(Fault.EMPTY_RESPONSE));
        assertThat(list()).hasSize(3);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void doesNotRetryWhatAnotherTryCannotMend() {
        stub(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"Snapshots\":"));
        assertThat(failure().type()).isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(PATH)));

        wireMock.resetAll();
        stub(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"RequestId\":\"R-2\",\"Code\":\"Forbidden.RAM\",\"Message\":\"not authorized\"}"));
        assertThat(failure().type()).isEqualTo(ProblemType.UPSTREAM_REJECTED);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aSlowBodyTimesOutAndIsNotRetried() {
        stub(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(ONE_PAGE)
                .withFixedDelay(2_500));

        assertThat(failure().type()).isEqualTo(ProblemType.UPSTREAM_TIMEOUT);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void theRetryBudgetBoundsExtraCalls() {
        // A vendor failing every call: each listing tries once, and retries only while the source's budget lasts.
        stub(aResponse().withStatus(500).withBody("down"));
        double denied = metric("snapshot_gateway_vendor_retries_denied_total\\{source=\"wm-ecs\"[^}]*\\} (\\S+)");
        for (int i = 0; i < 6; i++) {
            assertThat(failure().httpStatus()).isEqualTo(500);
        }

        int calls = wireMock.findAll(getRequestedFor(urlPathEqualTo(PATH))).size();
        // 6 first attempts; the reserve (4 here, less what earlier tests spent) plus 0.1 per attempt at most
        assertThat(calls).isGreaterThan(6).isLessThanOrEqualTo(6 + 4);
        assertThat(metric("snapshot_gateway_vendor_retries_denied_total\\{source=\"wm-ecs\"[^}]*\\} (\\S+)"))
                .isGreaterThan(denied);
    }

    private void failOnceThen(ResponseDefinitionBuilder failure) {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(failure).willSetStateTo("recovered"));
        wireMock.stubFor(get(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(ONE_PAGE)));
    }

    private void stub(ResponseDefinitionBuilder response) {
        wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(response));
    }

    private List<Snapshot> list() {
        return provider.list(HANGZHOU).await().atMost(Duration.ofSeconds(10));
    }

    private UpstreamFailure failure() {
        Throwable thrown = catchThrowable(this::list);
        assertThat(thrown).isInstanceOf(UpstreamException.class);
        return ((UpstreamException) thrown).failure();
    }

    private static double retries(String reason) {
        return metric("snapshot_gateway_vendor_retries_total\\{provider=\"alibaba-ecs\",reason=\"" + reason
                + "\",source=\"wm-ecs\"\\} (\\S+)");
    }

    private static double metric(String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(Management.metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
