package io.snapshotgateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.snapshotgateway.support.Management;
import io.snapshotgateway.support.SimulatorSources;

/**
 * The paths the manifests probe and scrape are served by the application, on the port they name: each probe is asked
 * of the running application's management interface and must answer 200.
 */
@QuarkusTest
@WithTestResource(SimulatorSources.class)
class ManifestProbesTests {

    @Test
    void everyProbeOfEveryManifestIsAnsweredOnTheManagementInterface() {
        List<String> asked = new ArrayList<>();
        for (String kustomization : Manifests.KUSTOMIZATIONS.keySet()) {
            JsonNode container = Manifests.container(Manifests.gatewayDeployment(Manifests.render(kustomization)),
                    "snapshot-gateway");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                JsonNode get = container.path(probe).path("httpGet");
                assertThat(get.path("port").asText()).as(kustomization + " " + probe).isEqualTo("management");
                String path = get.path("path").asText();
                Management.management().get(path).then().statusCode(200);
                asked.add(kustomization + " " + probe + " " + path);
            }
        }
        assertThat(asked).hasSize(3 * Manifests.KUSTOMIZATIONS.size()).anyMatch(a -> a.startsWith("ha "));
    }

    @Test
    void theScrapePathOfTheServiceMonitorAndTheAnnotationsIsTheMetricsEndpoint() {
        List<JsonNode> prod = Manifests.render("prod");
        JsonNode monitor = Manifests.find(prod, "ServiceMonitor", "snapshot-gateway").orElseThrow();
        String path = monitor.path("spec").path("endpoints").get(0).path("path").asText();
        String annotated = Manifests.gatewayDeployment(prod).path("spec").path("template").path("metadata")
                .path("annotations").path("prometheus.io/path").asText();
        assertThat(annotated).isEqualTo(path);
        assertThat(Management.management().get(path).then().statusCode(200).extract().asString())
                .contains("# TYPE ");
    }
}
