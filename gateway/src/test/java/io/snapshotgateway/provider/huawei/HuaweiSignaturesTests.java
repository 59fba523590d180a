package io.snapshotgateway.provider.huawei;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;

import io.snapshotgateway.crypto.Hashing;
import io.snapshotgateway.provider.support.QueryStrings;

class HuaweiSignaturesTests {
    private static final String DATE = "20191115T033655Z";
    private static final String VPCS_PATH = "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs";
    private static final List<Map.Entry<String, String>> VPCS_QUERY = List.of(Map.entry("limit", "2"),
            Map.entry("marker", "13551d6b-755d-4757-b956-536f674975c0"));

    @Test
    void matchesTheOfficialDocExampleThatAlsoSignsTheContentType() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Host", "service.region.example.com");
        headers.put("X-Sdk-Date", DATE);

        String canonical = HuaweiSignatures.canonicalRequest("GET", VPCS_PATH, VPCS_QUERY, headers,
                Hashing.EMPTY_SHA256_HEX);

        assertThat(canonical).isEqualTo("GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\n"
                + "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n"
                + "content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\n"
                + "content-type;host;x-sdk-date\n" + Hashing.EMPTY_SHA256_HEX);
        String stringToSign = HuaweiSignatures.stringToSign(DATE, canonical);
        assertThat(stringToSign).isEqualTo("SDK-HMAC-SHA256\n20191115T033655Z\n"
                + "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a");
        String signature = HuaweiSignatures.signature("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc", stringToSign);
        assertThat(signature).isEqualTo("7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe");
        assertThat(HuaweiSignatures.authorization("QTWAOYTTINDUT2QVKYUC", HuaweiSignatures.signedHeaderNames(headers),
                signature)).isEqualTo("SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, "
                        + "SignedHeaders=content-type;host;x-sdk-date, "
                        + "Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe");
    }

    @Test
    void matchesTheOfficialSignerUnitTestVectors() {
        Map<String, String> headers = Map.of("host", "service.region.example.com", "x-sdk-date", DATE);
        assertThat(sign("GET", VPCS_PATH, VPCS_QUERY, headers, ""))
                .isEqualTo("fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d");
        assertThat(
                sign("POST", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123", List.of(), headers, "{\"key\":\"value\"}"))
                .isEqualTo("b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771");
        assertThat(sign("GET", "", List.of(), Map.of("host", "example.com", "x-sdk-date", DATE), ""))
                .isEqualTo("919ad8b75d4ad49da0d377e63ee21c4a7a54b752f6bf2878b4adbe9c19927da6");
    }

    @Test
    void matchesTheDerivedWorkspaceVector() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "workspace.cn-north-4.myhuaweicloud.com");
        headers.put("X-Sdk-Date", DATE);
        headers.put("X-Project-Id", "0123456789abcdef0123456789abcdef");
        String signature = sign("GET", "/v2/0123456789abcdef0123456789abcdef/snapshots",
                List.of(Map.entry("limit", "100"), Map.entry("offset", "0")), headers, "");

        assertThat(HuaweiSignatures.authorization("AccessKey", HuaweiSignatures.signedHeaderNames(headers), signature))
                .isEqualTo("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-project-id;x-sdk-date, "
                        + "Signature=db2b340db470371b832ee097298e0e302811268453a4d271c168ceae3f7703e7");
    }

    @Test
    void encodesPathSegmentsAndQueryLikeTheGateway() {
        assertThat(HuaweiSignatures.canonicalUri("/")).isEqualTo("/");
        assertThat(HuaweiSignatures.canonicalUri("/a b/c~d/é/")).isEqualTo("/a%20b/c~d/%C3%A9/");
        assertThat(HuaweiSignatures.canonicalQuery(List.of(Map.entry("b", "x/y*z"), Map.entry("a", "1 2+3"),
                Map.entry("b", "~"), Map.entry("c", "")))).isEqualTo("a=1%202%2B3&b=x%2Fy%2Az&b=~&c=");
        assertThat(QueryStrings.parse("a=1+2&b=%2F&c&d=")).containsExactly(Map.entry("a", "1 2"),
                Map.entry("b", "/"), Map.entry("c", ""), Map.entry("d", ""));
    }

    @Test
    void signsLikeTheVendorLibraryOnRandomInputs() {
        Random random = new Random(20191115);
        for (int round = 0; round < 300; round++) {
            String host = random.nextBoolean()
                    ? "workspace.cn-north-4.myhuaweicloud.com"
                    : "127.0.0.1:" + (1024 + random.nextInt(60000));
            String path = randomPath(random);
            String method = random.nextInt(4) == 0 ? "POST" : "GET";
            String body = method.equals("POST") ? "{\"n\":\"" + randomText(random, 0, 12) + "\"}" : "";
            String secret = randomText(random, 8, 40);

            HttpRequest.HttpRequestBuilder sdk = HttpRequest.newBuilder().withEndpoint("https://" + host)
                    .withMethod(HttpMethod.valueOf(method)).withPath(path);
            if (!body.isEmpty()) {
                sdk.withBodyAsString(body);
            }
            List<Map.Entry<String, String>> query = new ArrayList<>();
            for (Map.Entry<String, List<String>> param : randomQuery(random).entrySet()) {
                sdk.addQueryParam(param.getKey(), param.getValue());
                param.getValue().forEach(v -> query.add(Map.entry(param.getKey(), v)));
            }
            Map<String, String> sent = randomHeaders(random);
            sent.forEach(sdk::addHeader);

            // The official signer signs every header but Content-Type and names with "_", plus host.
            Map<String, String> signed = new LinkedHashMap<>();
            sent.forEach((name, value) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.contains("_")) {
                    signed.put(name, value);
                }
            });
            signed.put("host", host);
            String canonical = HuaweiSignatures.canonicalRequest(method, path, query, signed,
                    Hashing.sha256Hex(body));
            String ours = HuaweiSignatures.authorization("AK" + round, HuaweiSignatures.signedHeaderNames(signed),
                    HuaweiSignatures.signature(secret, HuaweiSignatures.stringToSign(DATE, canonical)));

            String official = AKSKSigner.getInstance()
                    .sign(sdk.build(), new BasicCredentials().withAk("AK" + round).withSk(secret))
                    .get("Authorization");
            assertThat(ours).as("round %d: %s %s %s", round, method, path, query).isEqualTo(official);
        }
    }

    private static String sign(String method, String path, List<Map.Entry<String, String>> query,
            Map<String, String> headers, String body) {
        String canonical = HuaweiSignatures.canonicalRequest(method, path, query, headers, Hashing.sha256Hex(body));
        return HuaweiSignatures.signature("SecretKey", HuaweiSignatures.stringToSign(DATE, canonical));
    }

    /** Non-empty segments (the official signer drops trailing empty ones), with or without a trailing slash. */
    private static String randomPath(Random random) {
        int segments = random.nextInt(5);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments; i++) {
            String segment = randomText(random, 1, 12).replaceAll("[/?#%]", "");
            path.append('/').append(segment.isEmpty() ? "seg" : segment);
        }
        if (segments == 0 || random.nextInt(4) == 0) {
            path.append('/');
        }
        return path.toString();
    }

    /**
     * Names stay unreserved: the official signer also reads names back from the URL it built, unencoded, so a name
     * that needs encoding would be counted twice there.
     */
    private static Map<String, List<String>> randomQuery(Random random) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        String[] names = {"limit", "offset", "desktop_id", "snapshot_name", "Status", "sort.field", "a~b", "Z-9"};
        for (String name : names) {
            if (random.nextBoolean()) {
                List<String> values = new ArrayList<>();
                int count = random.nextInt(5) == 0 ? 2 : 1;
                for (int i = 0; i < count; i++) {
                    values.add(randomText(random, 0, 16));
                }
                query.put(name, values);
            }
        }
        return query;
    }

    private static Map<String, String> randomHeaders(Random random) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Sdk-Date", DATE);
        if (random.nextBoolean()) {
            headers.put("X-Project-Id", Hashing.sha256Hex("p" + random.nextInt()).substring(0, 32));
        }
        if (random.nextBoolean()) {
            headers.put("User-Agent", "huaweicloud-usdk-java/3.0");
        }
        if (random.nextBoolean()) {
            headers.put("Content-Type", "application/json");
        }
        if (random.nextBoolean()) {
            headers.put("X_Not_Signed", "x");
        }
        if (random.nextBoolean()) {
            headers.put("X-Security-Token", "t" + randomText(random, 10, 40).trim());
        }
        if (random.nextBoolean()) {
            headers.put("X-Custom-" + random.nextInt(9), "Mixed Case " + random.nextInt(1000));
        }
        return headers;
    }

    /** Letters, digits and the characters that percent-encoding treats specially. */
    private static String randomText(Random random, int min, int max) {
        String alphabet = "abcXYZ019-_.~ *+/:=&\"[],%é中!'()@$;";
        int length = min + random.nextInt(max - min + 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
