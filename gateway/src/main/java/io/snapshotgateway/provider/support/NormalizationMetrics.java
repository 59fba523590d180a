package io.snapshotgateway.provider.support;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;

/**
 * Counts vendor values that normalized to nothing ({@code snapshot_gateway_normalized_empty_total{provider,field}}):
 * an unknown status or snapshot type, an unparseable time or size. Each stays raw under {@code attributes}, so the
 * answer loses nothing, but a rising count says the vendor changed a value set the gateway does not know yet.
 *
 * <p>
 * Counted once per listing, from the mapped snapshots, so the mappers stay pure functions. A provider's series are
 * registered at its first listing, at zero, for every field it can report.
 */
@ApplicationScoped
public class NormalizationMetrics {
    static final String NAME = "snapshot_gateway_normalized_empty";

    private final MeterRegistry registry;
    private final Map<Provider, Map<NormalizedField, Counter>> counters = new ConcurrentHashMap<>();

    public NormalizationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the snapshots of one listing whose vendor value for a field normalized to nothing, per field. */
    void count(Provider provider, Map<NormalizedField, String> keptRaw, List<Snapshot> snapshots) {
        Map<NormalizedField, Counter> mine = counters.computeIfAbsent(provider, p -> register(p, keptRaw));
        for (Map.Entry<NormalizedField, Counter> e : mine.entrySet()) {
            long emptied = 0;
            for (Snapshot s : snapshots) {
                if (e.getKey().emptied(s, keptRaw)) {
                    emptied++;
                }
            }
            if (emptied > 0) {
                e.getValue().increment(emptied);
            }
        }
    }

    private Map<NormalizedField, Counter> register(Provider provider, Map<NormalizedField, String> keptRaw) {
        Map<NormalizedField, Counter> mine = new EnumMap<>(NormalizedField.class);
        for (NormalizedField field : NormalizedField.values()) {
            if (field == NormalizedField.STATUS || keptRaw.containsKey(field)) {
                mine.put(field, Counter.builder(NAME)
                        .description("Vendor values that normalized to nothing (kept raw under attributes), by "
                                + "provider and normalized field")
                        .tags("provider", provider.id(), "field", field.id())
                        .register(registry));
            }
        }
        return mine;
    }
}
