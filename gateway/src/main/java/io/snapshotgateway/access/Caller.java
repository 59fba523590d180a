package io.snapshotgateway.access;

import io.snapshotgateway.aggregation.Selection;

/**
 * Who is asking: the API key's name (never the key), what it may see, and whether it may force vendor refreshes.
 * With authentication off, everyone is {@link #ANONYMOUS}.
 */
public record Caller(String name, Selection grant, boolean mayForceRefresh) {
    public static final Caller ANONYMOUS = new Caller("-", Selection.ALL, true);
}
