package io.snapshotgateway.protection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.snapshotgateway.Provider;
import io.snapshotgateway.provider.Scope;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.alibaba.ecs.EcsParameter;
import io.snapshotgateway.provider.alibaba.ecs.EcsSnapshotProvider;
import io.snapshotgateway.support.EcsResponses;
import io.snapshotgateway.support.InjectWireMock;
import io.snapshotgateway.support.WireMockCallBudget;

/**
 * The call budget of a source (4 calls a second, 4 at once here) holds whoever asks: a burst of listings of both its
 * regions is paced, not sent at once; and a listing that would need more calls than the budget allows before its
 * deadline fails without the calls the budget refused.
 */
@QuarkusTest
@WithTestResource(WireMockCallBudget.class)
class CallBudgetTests {
    private static final String PAGE_NUMBER = EcsParameter.PAGE_NUMBER.wireName();
    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    EcsSnapshotProvider provider;

    @Test
    void pacesABurstAndRefusesWhatTheDeadlineCannotFit() {
        wireMock.resetAll();
        stubPages("cn-hangzhou", 3);
        stubPages("cn-beijing", 3);

        // 6 calls over two regions of one source at once: 4 now, then one every 250 ms
        List<Uni<List<io.snapshotgateway.Snapshot>>> burst = List.of(provider.list(scope("cn-hangzhou")),
                provider.list(scope("cn-beijing")));
        Uni.join().all(burst).andFailFast().await().atMost(Duration.ofSeconds(10));
        List<LoggedRequest> sent = wireMock.findAll(getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock
                .anyUrl()));
        assertThat(sent).hasSize(6);
        List<Long> at = sent.stream().map(r -> r.getLoggedDate().getTime()).sorted(Comparator.naturalOrder()).toList();
        // a burst of 4 is allowed at once; the 6th waits 2 refills, 500 ms after the bucket was full (the first
        // request reaches WireMock a little after that: connection set-up), where unpaced all 6 arrive within ~50 ms
        assertThat(at.get(5) - at.get(0)).isGreaterThanOrEqualTo(250);

        wireMock.resetAll();
        stubPages("cn-hangzhou", 30);
        Throwable refused = catchThrowable(() -> provider.list(scope("cn-hangzhou")).await()
                .atMost(Duration.ofSeconds(10)));
        assertThat(refused).isInstanceOf(UpstreamException.class);
        assertThat(((UpstreamException) refused).failure().detail()).contains("call budget");
        // 30 pages cannot be fetched in the 3 s deadline at 4 a second: far fewer calls than pages were made
        assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo("/cn-hangzhou/"))).size()).isLessThan(20);
    }

    private void stubPages(String region, int pages) {
        int total = pages * 100 - 50;
        for (int page = 1; page <= pages; page++) {
            int from = (page - 1) * 100;
            int to = Math.min(from + 100, total);
            wireMock.stubFor(get(urlPathEqualTo("/" + region + "/"))
                    .withQueryParam(PAGE_NUMBER, equalTo(Integer.toString(page)))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(EcsResponses.page(region, total, page, 100, from, to))));
        }
    }

    private static Scope scope(String region) {
        return new Scope("wm-ecs", Provider.ALIBABA_ECS, region, null);
    }
}
