package io.snapshotgateway.aggregation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapshotgateway.provider.Hashing;

/**
 * Encodes and checks page tokens: the last shown item's {@link SortKey} plus a digest of the query it belongs to,
 * MAC-ed so that an altered token is refused.
 *
 * <p>
 * The MAC key is fixed unless configured ({@code gateway.cursor.key}), so that every replica and every restart
 * accepts the tokens of the others. A token is not an authorization: it can only move a caller within a listing it may
 * already request, so forging one gains nothing; the MAC is there to catch corruption and misuse.
 */
public final class PageCursor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int MAC_BYTES = 16;

    private final byte[] key;

    public PageCursor(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** What a token says, once its MAC checked out. */
    record Payload(@JsonProperty("v") int version, @JsonProperty("q") String queryDigest,
            @JsonProperty("t") Long createTime, @JsonProperty("p") String provider, @JsonProperty("s") String source,
            @JsonProperty("r") String region, @JsonProperty("i") String id) {
    }

    /** Why a token was refused. */
    public enum Rejection {
        MALFORMED,
        OTHER_QUERY
    }

    public String encode(SortKey last, String queryDigest) {
        Payload payload = new Payload(1, queryDigest,
                last.createTime() == null ? null : last.createTime().getEpochSecond(), last.provider(),
                last.source(), last.region(), last.id());
        try {
            byte[] body = JSON.writeValueAsBytes(payload);
            return B64.encodeToString(body) + "." + B64.encodeToString(mac(body));
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode a page token", e);
        }
    }

    /** The key after which the next page starts, or why the token is refused. */
    public Decoded decode(String token, String queryDigest) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return Decoded.rejected(Rejection.MALFORMED);
        }
        try {
            byte[] body = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] mac = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!java.security.MessageDigest.isEqual(mac, mac(body))) {
                return Decoded.rejected(Rejection.MALFORMED);
            }
            Payload p = JSON.readValue(body, Payload.class);
            if (p.version() != 1 || p.provider() == null || p.source() == null || p.region() == null
                    || p.id() == null) {
                return Decoded.rejected(Rejection.MALFORMED);
            }
            if (!queryDigest.equals(p.queryDigest())) {
                return Decoded.rejected(Rejection.OTHER_QUERY);
            }
            Instant time = p.createTime() == null ? null : Instant.ofEpochSecond(p.createTime());
            return new Decoded(Optional.of(new SortKey(time, p.provider(), p.source(), p.region(), p.id())),
                    Optional.empty());
        } catch (Exception e) {
            return Decoded.rejected(Rejection.MALFORMED);
        }
    }

    /** Either the key to resume after, or the reason for refusing the token. */
    public record Decoded(Optional<SortKey> after, Optional<Rejection> rejection) {
        static Decoded rejected(Rejection why) {
            return new Decoded(Optional.empty(), Optional.of(why));
        }
    }

    private byte[] mac(byte[] body) {
        byte[] full = Hashing.hmac("HmacSHA256", key, new String(body, StandardCharsets.UTF_8));
        return Arrays.copyOf(full, MAC_BYTES);
    }
}
