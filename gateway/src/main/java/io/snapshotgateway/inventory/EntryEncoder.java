package io.snapshotgateway.inventory;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.snapshotgateway.Snapshot;

/** Turns a normalized snapshot into the entry an inventory keeps, with its JSON rendered by the API's own mapper. */
@ApplicationScoped
public class EntryEncoder {
    private final ObjectWriter writer;

    public EntryEncoder(ObjectMapper json) {
        this.writer = json.writerFor(Snapshot.class);
    }

    public InventoryEntry encode(Snapshot s) {
        try {
            return new InventoryEntry(s.id(),
                    s.createTime() == null ? InventoryEntry.NO_TIME : s.createTime().getEpochSecond(),
                    s.name() == null ? null : s.name().toLowerCase(Locale.ROOT),
                    s.status(), s.diskType(), s.creationType(),
                    s.resource() == null ? null : s.resource().type(),
                    s.resource() == null ? null : s.resource().id(),
                    s.instanceId(),
                    s.sizeGib() == null ? InventoryEntry.NO_SIZE : s.sizeGib(),
                    writer.writeValueAsBytes(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a normalized snapshot did not serialize", e);
        }
    }
}
