package io.snapshotgateway.provider.alibaba;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.aliyun.tea.TeaRequest;

import io.snapshotgateway.crypto.Hashing;

class AlibabaSignaturesTests {

    private static Map<String, String> a1Params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Timestamp", "2016-02-23T12:46:24Z");
        p.put("Format", "XML");
        p.put("AccessKeyId", "testid");
        p.put("Action", "DescribeRegions");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
        p.put("Version", "2014-05-26");
        p.put("SignatureVersion", "1.0");
        return p;
    }

    @Test
    void v1MatchesTheOfficialDocExample() {
        String sts = AlibabaSignatures.v1StringToSign("GET", a1Params());
        assertThat(sts).isEqualTo("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
                + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                + "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26");
        assertThat(AlibabaSignatures.v1Signature("testsecret", sts)).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
        assertThat(AlibabaSignatures.v1Signature("testsecret", AlibabaSignatures.v1StringToSign("POST", a1Params())))
                .isEqualTo("MxbnVAM4w6sft9xjVpe/GCKueuk=");
    }

    @Test
    void v1MatchesTheOpenapiutilUnitTestVector() {
        String sts = AlibabaSignatures.v1StringToSign("GET", Map.of("query", "test", "body", "test"));
        assertThat(sts).isEqualTo("GET&%2F&body%3Dtest%26query%3Dtest");
        assertThat(AlibabaSignatures.v1Signature("secret", sts)).isEqualTo("XlUyV4sXjOuX5FnjUz9IF9tm5rU=");
    }

    @Test
    void v1MatchesTheDerivedDescribeSnapshotsVector() {
        Map<String, String> p = a6Params();
        p.put("Action", "DescribeSnapshots");
        p.put("Version", "2014-05-26");
        p.put("Format", "JSON");
        p.put("AccessKeyId", "testid");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", "0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        p.put("Timestamp", "2024-01-02T03:04:05Z");
        assertThat(AlibabaSignatures.v1Signature("testsecret", AlibabaSignatures.v1StringToSign("GET", p)))
                .isEqualTo("B35kmNphM7xLpLk5+n7SyiMuN04=");
    }

    @Test
    void v3MatchesTheOfficialDocExample() {
        List<Map.Entry<String, String>> query = List.of(
                Map.entry("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"),
                Map.entry("RegionId", "cn-shanghai"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "ecs.cn-shanghai.aliyuncs.com");
        headers.put("x-acs-action", "RunInstances");
        headers.put("x-acs-version", "2014-05-26");
        headers.put("x-acs-date", "2023-10-26T10:22:32Z");
        headers.put("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d");
        headers.put("x-acs-content-sha256", Hashing.EMPTY_SHA256_HEX);
        headers.put("accept", "application/json");
        String canonical = AlibabaSignatures.v3CanonicalRequest("POST", "/", query, headers, Hashing.EMPTY_SHA256_HEX);
        assertThat(Hashing.sha256Hex(canonical))
                .isEqualTo("7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259");
        assertThat(AlibabaSignatures.v3Signature("YourAccessKeySecret", AlibabaSignatures.v3StringToSign(canonical)))
                .isEqualTo("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
    }

    @Test
    void v3MatchesTheDerivedDescribeSnapshotsVector() {
        List<Map.Entry<String, String>> query = new ArrayList<>(a6Params().entrySet());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "ecs.cn-hangzhou.aliyuncs.com");
        headers.put("x-acs-action", "DescribeSnapshots");
        headers.put("x-acs-version", "2014-05-26");
        headers.put("x-acs-date", "2024-01-02T03:04:05Z");
        headers.put("x-acs-signature-nonce", "0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        headers.put("x-acs-content-sha256", Hashing.EMPTY_SHA256_HEX);
        String canonical = AlibabaSignatures.v3CanonicalRequest("POST", "/", query, headers, Hashing.EMPTY_SHA256_HEX);
        assertThat(canonical.split("\n")[2]).isEqualTo("Filter.1.Key=CreationStartTime"
                + "&Filter.1.Value=2019-12-13T17%3A00Z&MaxResults=100&RegionId=cn-hangzhou&Status=accomplished");
        assertThat(Hashing.sha256Hex(canonical))
                .isEqualTo("ab9b213244974bbd4bc15485cbe42ddee04f86f81a84767520f5ed1809b34c09");
        assertThat(AlibabaSignatures.v3Signature("testsecret", AlibabaSignatures.v3StringToSign(canonical)))
                .isEqualTo("29d8ec3fd5ee0ee00910f2be0050468aee8db3c195bb26085374cd4082a312c9");
    }

    @Test
    void signsLikeTheVendorLibraryOnRandomInputs() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            Map<String, String> params = randomParams(random);
            String secret = randomText(random, 8, 30);
            String method = random.nextBoolean() ? "GET" : "POST";

            assertThat(AlibabaSignatures.v1Signature(secret, AlibabaSignatures.v1StringToSign(method, params)))
                    .as("V1 round %d", round)
                    .isEqualTo(com.aliyun.openapiutil.Client.getRPCSignature(params, method, secret));

            TeaRequest request = new TeaRequest();
            request.method = method;
            request.pathname = "/";
            request.query = new TreeMap<>(params);
            request.headers = new LinkedHashMap<>();
            request.headers.put("host", "ecs." + randomText(random, 3, 10).toLowerCase() + ".aliyuncs.com");
            request.headers.put("x-acs-action", "DescribeSnapshots");
            request.headers.put("x-acs-version", "2014-05-26");
            request.headers.put("x-acs-date", "2024-01-02T03:04:0" + random.nextInt(10) + "Z");
            request.headers.put("x-acs-signature-nonce", Hashing.sha256Hex("n" + round).substring(0, 32));
            request.headers.put("x-acs-content-sha256", Hashing.EMPTY_SHA256_HEX);
            request.headers.put("user-agent", "unsigned/1.0");
            String official = com.aliyun.openapiutil.Client.getAuthorization(request, "ACS3-HMAC-SHA256",
                    Hashing.EMPTY_SHA256_HEX, "testid", secret);

            String canonical = AlibabaSignatures.v3CanonicalRequest(method, "/",
                    new ArrayList<>(params.entrySet()), request.headers, Hashing.EMPTY_SHA256_HEX);
            String ours = AlibabaSignatures.v3Authorization("testid",
                    String.join(";", AlibabaSignatures.v3SignedHeaders(request.headers).keySet()),
                    AlibabaSignatures.v3Signature(secret, AlibabaSignatures.v3StringToSign(canonical)));
            assertThat(ours).as("V3 round %d", round).isEqualTo(official);
        }
    }

    private static Map<String, String> a6Params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("RegionId", "cn-hangzhou");
        p.put("MaxResults", "100");
        p.put("Status", "accomplished");
        p.put("Filter.1.Key", "CreationStartTime");
        p.put("Filter.1.Value", "2019-12-13T17:00Z");
        return p;
    }

    private static Map<String, String> randomParams(Random random) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("RegionId", "cn-" + randomText(random, 3, 8).toLowerCase());
        String[] names = {"SnapshotName", "DiskId", "InstanceId", "SnapshotIds", "Filter.1.Value", "Tag.1.Key"};
        for (String name : names) {
            if (random.nextBoolean()) {
                p.put(name, randomText(random, 1, 20));
            }
        }
        return p;
    }

    /** Letters, digits and the characters that percent-encoding treats specially. */
    private static String randomText(Random random, int min, int max) {
        String alphabet = "abcXYZ019-_.~ *+/:=&\"[],%é中";
        int length = min + random.nextInt(max - min + 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
