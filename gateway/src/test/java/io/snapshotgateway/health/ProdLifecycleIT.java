package io.snapshotgateway.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapshotgateway.crypto.Hashing;

/**
 * The packaged jar in the prod profile, as Kubernetes runs it: it refuses to start with no source, and on SIGTERM its
 * readiness goes DOWN while it still serves, before it stops.
 */
class ProdLifecycleIT {
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String API_KEY = "prod-lifecycle-test-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process gateway;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.destroyForcibly();
        }
    }

    @Test
    void refusesToStartWithoutAnySourceNamingTheKey() throws Exception {
        Path log = dir.resolve("no-sources.log");
        gateway = start(prodEnvironment(), log, freePort(), freePort());

        assertThat(gateway.waitFor(60, TimeUnit.SECONDS)).as("exited by itself").isTrue();
        assertThat(gateway.exitValue()).isNotZero();
        assertThat(Files.readString(log, StandardCharsets.UTF_8))
                .contains("gateway.sources: no source is configured")
                .contains("gateway.allow-no-sources=true");
    }

    @Test
    void onSigtermReadinessGoesDownFirstWhileRequestsAreStillServed() throws Exception {
        Map<String, String> env = prodEnvironment();
        env.put("GATEWAY_SOURCES_CI_PROVIDER", "alibaba-ecs");
        env.put("GATEWAY_SOURCES_CI_REGIONS", "cn-hangzhou");
        env.put("GATEWAY_SOURCES_CI_ACCESS_KEY_ID", "ci-access-key-id");
        env.put("GATEWAY_SOURCES_CI_ACCESS_KEY_SECRET", "ci-access-key-secret");
        // nothing listens there: readiness must not care
        env.put("GATEWAY_SOURCES_CI_ENDPOINT", "http://127.0.0.1:" + freePort());
        int port = freePort();
        int management = freePort();
        Path log = dir.resolve("sigterm.log");
        gateway = start(env, log, port, management);

        URI ready = URI.create("http://127.0.0.1:" + management + "/q/health/ready");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> status(ready) == 200);

        gateway.destroy(); // SIGTERM

        await().atMost(Duration.ofSeconds(3)).ignoreExceptions().until(() -> status(ready) == 503);
        HttpResponse<String> served = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/snapshots")).header("X-API-Key", API_KEY).header("X-Request-Id", "lifecycle-1").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).as("still serving during the shutdown delay").isEqualTo(502);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(gateway.isAlive()).isTrue();

        assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).as("stopped after the delay").isTrue();
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).doesNotContain("ci-access-key-secret")
                // spans were made (a vendor call, the request) and flushed at shutdown: no exporter is installed
                .doesNotContain("Failed to export");
        assertLogsAreJsonWithDateZoneAndRequestId(log, "lifecycle-1");
    }

    /** Prod logs are JSON lines, each with a full timestamp, and the request's lines carry its id. */
    private static void assertLogsAreJsonWithDateZoneAndRequestId(Path log, String requestId) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line)); // throws on a line that is not JSON
            }
        }
        assertThat(lines).hasSizeGreaterThan(3).allSatisfy(line -> assertThat(line.path("timestamp").asText())
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})"));
        assertThat(lines).filteredOn(line -> line.path("message").asText().contains("all-sources-failed"))
                .isNotEmpty().allSatisfy(line -> assertThat(line.path("mdc").path("request_id").asText())
                        .isEqualTo(requestId));
    }

    private Map<String, String> prodEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("GATEWAY_CURSOR_KEY", "prod-lifecycle-test-cursor-key-0123456789");
        env.put("GATEWAY_API_KEYS_CI_SHA256", Hashing.sha256Hex(API_KEY));
        return env;
    }

    private Process start(Map<String, String> env, Path log, int port, int management) throws IOException {
        assertThat(JAR).as("package ran before this test").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + management, "-jar",
                JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    private int status(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
