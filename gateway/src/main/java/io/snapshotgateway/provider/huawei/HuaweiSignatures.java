package io.snapshotgateway.provider.huawei;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.snapshotgateway.crypto.Hashing;
import io.snapshotgateway.provider.support.QueryStrings;

/**
 * Huawei Cloud AK/SK request signatures ({@code SDK-HMAC-SHA256}, API Gateway "APIG" signing). Written against the
 * JDK rather than taking {@code huaweicloud-sdk-core}, which would bring okhttp 4 and BouncyCastle into the runtime;
 * tests prove equality with its {@code AKSKSigner}.
 */
public final class HuaweiSignatures {
    public static final String ALGORITHM = "SDK-HMAC-SHA256";
    /** Format of {@code X-Sdk-Date}, e.g. {@code 20191115T033655Z}. */
    public static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private HuaweiSignatures() {
    }

    /**
     * Each segment of the (decoded) path encoded, and always a trailing {@code /}: the gateway signs
     * {@code /v2/p/snapshots/} for a request to {@code /v2/p/snapshots}.
     */
    public static String canonicalUri(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "/";
        }
        String encoded = Arrays.stream(path.split("/", -1)).map(QueryStrings::encode)
                .collect(Collectors.joining("/"));
        return encoded.endsWith("/") ? encoded : encoded + "/";
    }

    /**
     * Names and values encoded, sorted by encoded name; repeated names keep the order they were sent in, as the
     * official signer does.
     */
    public static String canonicalQuery(List<Map.Entry<String, String>> params) {
        return params.stream()
                .map(e -> Map.entry(QueryStrings.encode(e.getKey()), QueryStrings.encode(e.getValue())))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    /** The signed headers keyed by lowercase name, sorted; the caller chooses which headers to sign. */
    public static TreeMap<String, String> signedHeaders(Map<String, String> headers) {
        TreeMap<String, String> signed = new TreeMap<>();
        headers.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value == null ? "" : value.trim()));
        return signed;
    }

    /** {@code ;}-joined lowercase names, as in {@code SignedHeaders=}. */
    public static String signedHeaderNames(Map<String, String> headers) {
        return String.join(";", signedHeaders(headers).keySet());
    }

    /**
     * {@code METHOD\nURI/\nquery\nname:value\n...\n\nnames\nhex(sha256(body))}.
     *
     * @param path the decoded request path
     * @param headers every header to sign (names in any case), including {@code host} and {@code x-sdk-date}
     */
    public static String canonicalRequest(String method, String path, List<Map.Entry<String, String>> query,
            Map<String, String> headers, String payloadHashHex) {
        TreeMap<String, String> signed = signedHeaders(headers);
        StringBuilder canonicalHeaders = new StringBuilder();
        signed.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value).append('\n'));
        return method + "\n" + canonicalUri(path) + "\n" + canonicalQuery(query) + "\n" + canonicalHeaders + "\n"
                + String.join(";", signed.keySet()) + "\n" + payloadHashHex;
    }

    /** {@code SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex sha256(canonical request)>}; no credential scope. */
    public static String stringToSign(String sdkDate, String canonicalRequest) {
        return ALGORITHM + "\n" + sdkDate + "\n" + Hashing.sha256Hex(canonicalRequest);
    }

    /** Hex HMAC-SHA256 keyed with the raw SK. */
    public static String signature(String secretKey, String stringToSign) {
        return HexFormat.of().formatHex(Hashing.hmac("HmacSHA256", secretKey, stringToSign));
    }

    public static String authorization(String accessKey, String signedHeaderNames, String signature) {
        return ALGORITHM + " Access=" + accessKey + ", SignedHeaders=" + signedHeaderNames + ", Signature=" + signature;
    }

}
