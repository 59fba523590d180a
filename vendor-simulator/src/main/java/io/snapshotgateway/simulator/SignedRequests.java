package io.snapshotgateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.ext.web.RoutingContext;

/** What signature checks read off a request, the same way for every vendor. */
final class SignedRequests {
    private SignedRequests() {
    }

    /** Every query parameter, decoded, in the order sent (repeated names keep every value). */
    static Map<String, List<String>> query(RoutingContext ctx) {
        String raw = ctx.request().query();
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> decoded = new LinkedHashMap<>();
        new QueryStringDecoder(raw, StandardCharsets.UTF_8, false, 4096).parameters()
                .forEach((name, values) -> decoded.put(name, new ArrayList<>(values)));
        return decoded;
    }

    /** The first value of each query parameter. */
    static Map<String, String> firstValues(Map<String, List<String>> query) {
        Map<String, String> first = new LinkedHashMap<>();
        query.forEach((name, values) -> first.put(name, values.isEmpty() ? "" : values.get(0)));
        return first;
    }

    /** Hex SHA-256 of the request body (of nothing, for a GET). */
    static String bodySha256(RoutingContext ctx) {
        byte[] body = ctx.body() == null || ctx.body().buffer() == null
                ? new byte[0]
                : ctx.body().buffer().getBytes();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Compares without stopping at the first difference, as a verifier of secrets should. */
    static boolean sameText(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
