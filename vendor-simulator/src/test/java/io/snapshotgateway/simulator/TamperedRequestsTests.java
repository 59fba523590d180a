package io.snapshotgateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.aliyun.openapiutil.Client;
import com.aliyun.tea.TeaRequest;
import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;

/**
 * Requests signed by the vendors' own libraries pass; the same requests with one value changed after signing are
 * refused. So the simulator checks what was signed, not only who signed it.
 */
class TamperedRequestsTests {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String WORKSPACE_PROJECT = "0a1b2c3d4e5f40718293a4b5c6d7e8f9";

    @Test
    void alibabaV1SignedQueryIsCheckedValueByValue() throws Exception {
        Map<String, String> params = new TreeMap<>(Map.of("Action", "DescribeSnapshots", "Version", "2020-09-30",
                "RegionId", "cn-hangzhou", "MaxResults", "5", "Format", "JSON", "AccessKeyId",
                TestSimulator.ACCESS_KEY_ID, "SignatureMethod", "HMAC-SHA1", "SignatureVersion", "1.0",
                "SignatureNonce", "n-" + System.nanoTime(), "Timestamp", DateTimeFormatter
                        .ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC).format(Instant.now())));
        params.put("Signature", Client.getRPCSignature(params, "GET", TestSimulator.ACCESS_KEY_SECRET));

        assertThat(get("/?" + query(params), Map.of()).statusCode()).isEqualTo(200);
        params.put("MaxResults", "6");
        HttpResponse<String> tampered = get("/?" + query(params), Map.of());
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body()).contains("SignatureDoesNotMatch");
    }

    @Test
    void alibabaV3SignedHeadersAndQueryAreChecked() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "127.0.0.1:" + TestSimulator.port());
        headers.put("x-acs-action", "DescribeSnapshots");
        headers.put("x-acs-version", "2014-05-26");
        headers.put("x-acs-date", DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.now()));
        headers.put("x-acs-signature-nonce", "n-" + System.nanoTime());
        headers.put("x-acs-content-sha256", HexFormat.of().formatHex(MessageDigest
                .getInstance("SHA-256").digest(new byte[0])));
        TeaRequest request = new TeaRequest();
        request.method = "GET";
        request.pathname = "/";
        request.query = new TreeMap<>(Map.of("RegionId", "cn-shanghai", "PageSize", "3"));
        request.headers = headers;
        Map<String, String> sent = new LinkedHashMap<>(headers);
        sent.remove("host");
        sent.put("Authorization", Client.getAuthorization(request, "ACS3-HMAC-SHA256",
                headers.get("x-acs-content-sha256"), TestSimulator.ACCESS_KEY_ID, TestSimulator.ACCESS_KEY_SECRET));

        assertThat(get("/?" + query(request.query), sent).statusCode()).isEqualTo(200);
        assertThat(get("/?RegionId=cn-shanghai&PageSize=4", sent).body()).contains("SignatureDoesNotMatch");
        sent.put("x-acs-signature-nonce", "another-nonce");
        assertThat(get("/?" + query(request.query), sent).body()).contains("SignatureDoesNotMatch");
    }

    @Test
    void huaweiSignedPathAndQueryAreChecked() throws Exception {
        String path = "/v2/" + WORKSPACE_PROJECT + "/snapshots";
        Map<String, String> signed = AKSKSigner.getInstance().sign(com.huaweicloud.sdk.core.http.HttpRequest
                .newBuilder().withEndpoint("http://127.0.0.1:" + TestSimulator.port()).withMethod(HttpMethod.GET)
                .withPath(path).addQueryParam("limit", List.of("5")).build(),
                new BasicCredentials().withAk(TestSimulator.ACCESS_KEY_ID).withSk(TestSimulator.ACCESS_KEY_SECRET));
        Map<String, String> sent = Map.of("Authorization", signed.get("Authorization"), "X-Sdk-Date",
                signed.get("X-Sdk-Date"));

        assertThat(get(path + "?limit=5", sent).statusCode()).isEqualTo(200);
        HttpResponse<String> tampered = get(path + "?limit=6", sent);
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(tampered.body()).contains("APIGW.0301");
    }

    private static HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + TestSimulator.port()
                + pathAndQuery));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
