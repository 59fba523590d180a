package io.snapshotgateway.aggregation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.snapshotgateway.crypto.Hashing;
import io.snapshotgateway.inventory.InventoryEntry;
import io.snapshotgateway.provider.Scope;

/**
 * Encodes and checks page tokens: the last shown item's {@link SortKey}, the scopes the walk has missed so far, and a
 * digest of the query it belongs to, MAC-ed so that an altered token is refused.
 *
 * <p>
 * The MAC key is configured ({@code gateway.cursor.key}, required in prod) and shared by every replica, so each
 * accepts the others' tokens across restarts. The digest covers the query and the caller's grant: a token moves its
 * holder only within a listing it may already request, and an altered one (an edited sort key, say) is refused.
 */
final class PageCursor {
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
            @JsonProperty("r") String region, @JsonProperty("i") String id,
            @JsonProperty("m") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> missed) {
    }

    /**
     * Where the next page starts, and the scopes (as {@link #scopeId}) that failed on an earlier page of the walk: the
     * walk lacks some of their snapshots, so every later page says so.
     */
    public record Position(SortKey after, Set<String> missed) {
        public static final Position START = new Position(null, Set.of());

        public Position {
            missed = Set.copyOf(missed);
        }
    }

    public static String scopeId(Scope scope) {
        return scope.source() + "/" + scope.region();
    }

    /** Why a token was refused. */
    public enum Rejection {
        MALFORMED,
        OTHER_QUERY
    }

    public String encode(Position next, String queryDigest) {
        SortKey last = next.after();
        Payload payload = new Payload(1, queryDigest,
                last.createTime() == InventoryEntry.NO_TIME ? null : last.createTime(), last.provider(),
                last.source(), last.region(), last.id(), next.missed().stream().sorted().toList());
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
            if (!MessageDigest.isEqual(mac, mac(body))) {
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
            long time = p.createTime() == null ? InventoryEntry.NO_TIME : p.createTime();
            return new Decoded(Optional.of(new Position(new SortKey(time, p.provider(), p.source(), p.region(), p.id()),
                    p.missed() == null ? Set.of() : Set.copyOf(p.missed()))), Optional.empty());
        } catch (Exception e) {
            return Decoded.rejected(Rejection.MALFORMED);
        }
    }

    /** Either where to resume, or the reason for refusing the token. */
    public record Decoded(Optional<Position> position, Optional<Rejection> rejection) {
        static Decoded rejected(Rejection why) {
            return new Decoded(Optional.empty(), Optional.of(why));
        }
    }

    private byte[] mac(byte[] body) {
        byte[] full = Hashing.hmac("HmacSHA256", key, new String(body, StandardCharsets.UTF_8));
        return Arrays.copyOf(full, MAC_BYTES);
    }
}
