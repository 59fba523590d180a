package io.snapshotgateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

/** The fault switches change what every client of the simulator sees: loopback callers only, bounded input. */
class FaultEndpointTests {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Vertx vertx;
    private static int port;

    @BeforeAll
    static void simulatorOnEveryInterface() {
        vertx = Vertx.vertx();
        SimulatorConfig config = SimulatorConfig.from(key -> Optional.ofNullable(switch (key) {
            case "simulator.host" -> "0.0.0.0";
            case "simulator.port" -> "0";
            default -> null;
        }));
        port = VendorSimulator.start(vertx, config).toCompletionStage().toCompletableFuture().join().port();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aLoopbackCallerSetsAndClearsFaults() throws Exception {
        assertThat(send("127.0.0.1", "POST", "provider=alibaba-eds&region=cn-hangzhou&fault=throttle").body())
                .contains("alibaba-eds/cn-hangzhou");
        assertThat(send("127.0.0.1", "DELETE", "").body()).isEqualTo("{}");
    }

    @Test
    void aCallerFromAnotherAddressIsRefused() throws Exception {
        Optional<InetAddress> own = nonLoopbackAddress();
        assumeTrue(own.isPresent(), "this machine has no non-loopback IPv4 address to call from");
        HttpResponse<String> refused = send(own.get().getHostAddress(), "POST", "provider=alibaba-ecs&fault=html");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(send("127.0.0.1", "GET", "").body()).isEqualTo("{}");
    }

    @Test
    void unknownProvidersRegionsAndUnboundedLatenciesAreRefused() throws Exception {
        for (String query : new String[]{"provider=gcp&fault=throttle", "provider=alibaba-ecs&region=mars-1",
                "provider=alibaba-ecs&latency=61s", "provider=alibaba-ecs&latency=-5ms",
                "provider=alibaba-ecs&fault=explode"}) {
            assertThat(send("127.0.0.1", "POST", query).statusCode()).as(query).isEqualTo(400);
        }
        assertThat(send("127.0.0.1", "GET", "").body()).isEqualTo("{}");
    }

    private static HttpResponse<String> send(String host, String method, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/_simulator/faults"
                + (query.isEmpty() ? "" : "?" + query))).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
