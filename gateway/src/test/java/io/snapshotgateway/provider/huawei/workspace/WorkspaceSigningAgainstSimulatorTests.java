package io.snapshotgateway.provider.huawei.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.snapshotgateway.problem.ProblemType;
import io.snapshotgateway.provider.UpstreamException;
import io.snapshotgateway.provider.huawei.HuaweiErrors;
import io.snapshotgateway.provider.huawei.HuaweiSigningFilter;
import io.snapshotgateway.provider.support.UpstreamErrorMapper;
import io.snapshotgateway.simulator.embedded.EmbeddedSimulator;
import io.snapshotgateway.source.AccessKey;
import io.snapshotgateway.support.SimulatorSources;

/**
 * The gateway's Workspace signing filter against the simulator, which verifies with Huawei's own signer: plain and
 * temporary keys, a name that needs encoding, and the vendor's error for a wrong secret.
 */
@QuarkusTest
@WithTestResource(SimulatorSources.class)
class WorkspaceSigningAgainstSimulatorTests {
    /** cn-north-4 in the default {@code simulator.workspace-projects}. */
    private static final String NORTH_4_PROJECT = "0a1b2c3d4e5f40718293a4b5c6d7e8f9";

    @Inject
    EmbeddedSimulator simulator;

    @Test
    void theGatewaysSigningFilterIsAccepted() {
        JsonNode body = gatewayClient(SimulatorSources.ACCESS_KEY_SECRET, null)
                .list(NORTH_4_PROJECT, 5, 35, "wks-cn-north-4").await().atMost(Duration.ofSeconds(5));
        assertThat(body.path("total_count").asInt()).isEqualTo(SimulatorSources.SNAPSHOTS_PER_REGION);
        assertThat(body.path("desktop_snapshots")).hasSize(5);

        // A temporary key's token is signed as well; and a name that needs encoding verifies the same way.
        JsonNode none = gatewayClient(SimulatorSources.ACCESS_KEY_SECRET, "sts-token")
                .list(NORTH_4_PROJECT, 10, 0, "a b+c*/é~").await().atMost(Duration.ofSeconds(5));
        assertThat(none.path("total_count").asInt()).isZero();

        UpstreamException rejected = catchThrowableOfType(UpstreamException.class,
                () -> gatewayClient("not-the-secret", null).list(NORTH_4_PROJECT, 10, 0, null)
                        .await().atMost(Duration.ofSeconds(5)));
        assertThat(rejected.failure().type()).isEqualTo(ProblemType.UPSTREAM_REJECTED);
        assertThat(rejected.failure().vendorCode()).isEqualTo("APIGW.0301");
        assertThat(rejected.failure().vendorRequestId()).matches("[0-9a-f]{32}");
    }

    private Listing gatewayClient(String secret, String token) {
        AccessKey key = new AccessKey(SimulatorSources.ACCESS_KEY_ID, secret, token);
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create("http://127.0.0.1:" + simulator.port()))
                .register(new HuaweiSigningFilter(key, NORTH_4_PROJECT))
                .register(new UpstreamErrorMapper(key.secrets(), HuaweiErrors::toException))
                .build(Listing.class);
    }

    /** The same wire call the gateway's Workspace adapter makes, signed by its filter. */
    @Path("/v2/{project_id}/snapshots")
    public interface Listing {
        @GET
        Uni<JsonNode> list(@PathParam("project_id") String projectId, @QueryParam("limit") int limit,
                @QueryParam("offset") int offset, @QueryParam("desktop_name") String desktopName);
    }
}
