package io.snapshotgateway.inventory;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a scope's listing was obtained for a request. */
public enum CacheState {
    /** Served from a fresh cached listing. */
    HIT,
    /** Fetched from the vendor because nothing usable was cached. */
    MISS,
    /** Served from an expired listing while a refresh runs (or because the vendor failed). */
    STALE,
    /** Fetched from the vendor because the caller asked so ({@code Cache-Control: no-cache}). */
    BYPASS;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
