package io.snapshotgateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.snapshotgateway.support.SimulatorSources;

/**
 * What the HTTP layer answers before any resource runs, over a raw socket (no client tidies the request). Every answer
 * is a problem document, except what Vert.x's decoder refuses before a router exists (414, 431, a broken request
 * line): Quarkus offers no hook there, so those answers are pinned exactly here and explained in the README.
 */
@QuarkusTest
@WithTestResource(SimulatorSources.class)
class HttpEdgeTests {
    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URL root;

    @Test
    void theJvmRunsWithQuarkusUriValidationOff() {
        // pom.xml sets it for tests as GatewayMain does for the jar; without it the malformed cases answer empty 400s.
        assertThat(Boolean.getBoolean("vertx.disableURIValidation")).isTrue();
    }

    @Test
    void aRequestLineOverTheLimitIsAnEmpty414AndTheConnectionCloses() throws IOException {
        Raw r = send("GET /snapshots?name=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(r.statusLine).isEqualTo("HTTP/1.0 414 Request-URI Too Long");
        assertThat(r.headers).containsEntry("content-length", "0").doesNotContainKey("content-type");
        assertThat(r.body).isEmpty();
        assertThat(r.closedByServer).isTrue();
    }

    @Test
    void headersOverTheLimitAreAnEmpty431AndTheConnectionCloses() throws IOException {
        Raw r = send("GET /snapshots HTTP/1.1\r\nHost: gw\r\nX-Big: " + "b".repeat(30_000) + "\r\n\r\n");
        assertThat(r.statusLine).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
        assertThat(r.headers).containsEntry("content-length", "0").doesNotContainKey("content-type");
        assertThat(r.body).isEmpty();
        assertThat(r.closedByServer).isTrue();
    }

    @Test
    void aRequestLineTheDecoderCannotSplitIsAnEmpty400AndTheConnectionCloses() throws IOException {
        Raw r = send("GET /snap shots HTTP/1.1\r\nHost: gw\r\n\r\n");
        assertThat(r.statusLine).isEqualTo("HTTP/1.0 400 Bad Request");
        assertThat(r.headers).containsEntry("content-length", "0");
        assertThat(r.body).isEmpty();
        assertThat(r.closedByServer).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/snapshots?name=%zz", "/snapshots?name=%4", "/snapshots?name=abc%",
            "/snapshots/summary?region=%g1", "/snapshots%zz", "/snapshots?limit=1&page_token=%%"})
    void aBrokenPercentEscapeIsAMalformedRequestProblem(String target) throws IOException {
        JsonPath problem = problem(send(get(target)), 400, "/problems/malformed-request");
        assertThat(problem.getString("detail")).startsWith("A % escape is malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "{", "}", "|", "^", "`", "<", ">", "\\"})
    void aCharacterThatMustBePercentEncodedIsAMalformedRequestProblem(String c) throws IOException {
        JsonPath problem = problem(send(get("/snapshots?name=a" + c + "b")), 400, "/problems/malformed-request");
        assertThat(problem.getString("detail"))
                .startsWith("The request target holds a character that must be percent-encoded: '" + c + "'")
                .endsWith(String.format("send it as %%%02X", (int) c.charAt(0)));
    }

    @Test
    void anHttp11RequestWithoutHostIsAMalformedRequestProblem() throws IOException {
        Raw r = send("GET /snapshots HTTP/1.1\r\nConnection: close\r\n\r\n");
        JsonPath problem = problem(r, 400, "/problems/malformed-request");
        assertThat(problem.getString("detail")).contains("Host header");
        assertThat(r.text()).doesNotContain("stack", "Exception");
    }

    @Test
    void anHttp10RequestNeedsNoHost() throws IOException {
        Raw r = send("GET /snapshots?limit=1 HTTP/1.0\r\n\r\n");
        assertThat(r.statusLine).isEqualTo("HTTP/1.0 200 OK");
    }

    @Test
    void getStarIsAMalformedRequestProblem() throws IOException {
        JsonPath problem = problem(send(request("GET", "*")), 400, "/problems/malformed-request");
        assertThat(problem.getString("detail")).contains("'*' is for OPTIONS only");
    }

    @Test
    void optionsStarIsANotFoundProblem() throws IOException {
        JsonPath problem = problem(send(request("OPTIONS", "*")), 404, "/problems/not-found");
        assertThat(problem.getString("detail")).contains("no server-wide options");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"POST /snapshots", "PUT /snapshots/summary", "DELETE /snapshots", "PATCH /problems/not-found"})
    void aMethodAResourceDoesNotAnswerIs405WithAllow(String methodAndPath) throws IOException {
        String[] mp = methodAndPath.split(" ");
        Raw r = send(mp[0] + " " + mp[1] + " HTTP/1.1\r\nHost: gw\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        problem(r, 405, "/problems/method-not-allowed");
        assertThat(r.headers).containsEntry("allow", "GET, HEAD, OPTIONS");
    }

    @Test
    void theAllowOf405IsWhatOptionsAnswers() throws IOException {
        Raw r = send(request("OPTIONS", "/snapshots"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers.get("allow").split(", ")).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");
    }

    @Test
    void problemDocumentsAreCompressedLikeOtherJson() throws IOException {
        StringBuilder target = new StringBuilder("/snapshots?limit=1");
        for (int i = 0; i < 30; i++) {
            target.append("&unknown_").append(i).append("=x");
        }
        Raw r = send("GET " + target + " HTTP/1.1\r\nHost: gw\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.headers).containsEntry("content-encoding", "gzip").containsEntry("content-type", PROBLEM);
        String json = new String(new GZIPInputStream(new ByteArrayInputStream(r.body)).readAllBytes(),
                StandardCharsets.UTF_8);
        JsonPath problem = new JsonPath(json);
        assertThat(problem.getList("errors")).hasSize(20);
        assertThat(problem.getInt("errors_omitted")).isEqualTo(10);
        assertThat(r.body.length).isLessThan(json.length() / 2);
    }

    @Test
    void routerProblemDocumentsAreCompressedToo() throws IOException {
        Raw r = send("GET /nothing/here HTTP/1.1\r\nHost: gw\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.headers).containsEntry("content-encoding", "gzip").containsEntry("content-type", PROBLEM);
        String json = new String(new GZIPInputStream(new ByteArrayInputStream(r.body)).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(new JsonPath(json).getString("type")).isEqualTo("/problems/not-found");
    }

    private static JsonPath problem(Raw r, int status, String type) {
        assertThat(r.status()).as(r.statusLine).isEqualTo(status);
        assertThat(r.headers).containsEntry("content-type", PROBLEM);
        JsonPath json = new JsonPath(r.text());
        assertThat(json.getString("type")).isEqualTo(type);
        assertThat(json.getInt("status")).isEqualTo(status);
        assertThat(json.getString("title")).isNotBlank();
        assertThat(json.getString("detail")).isNotBlank();
        return json;
    }

    private static String get(String target) {
        return request("GET", target);
    }

    private static String request(String method, String target) {
        return method + " " + target + " HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n";
    }

    /** Sends {@code request} as bytes and reads the answer until the server closes or 10 s pass. */
    private Raw send(String request) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            boolean closed;
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    got.write(buf, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException e) {
                closed = false;
            } catch (SocketException e) {
                closed = true; // reset after the answer: the server closed on us
            }
            return Raw.parse(got.toByteArray(), closed);
        }
    }

    record Raw(String statusLine, Map<String, String> headers, byte[] body, boolean closedByServer) {
        static Raw parse(byte[] bytes, boolean closed) {
            String all = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = all.indexOf("\r\n\r\n");
            assertThat(end).as("a complete header block in: %s", all).isPositive();
            String[] lines = all.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
            }
            byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
            String length = headers.get("content-length");
            if (length != null) {
                assertThat(body.length).as("body length").isEqualTo(Integer.parseInt(length));
            }
            return new Raw(lines[0], headers, body, closed);
        }

        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
