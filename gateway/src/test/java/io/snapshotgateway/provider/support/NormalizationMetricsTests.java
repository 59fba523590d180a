package io.snapshotgateway.provider.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.snapshotgateway.Provider;
import io.snapshotgateway.Snapshot;
import io.snapshotgateway.provider.alibaba.AlibabaCommonFields;

class NormalizationMetricsTests {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final NormalizationMetrics metrics = new NormalizationMetrics(registry);

    @Test
    void countsEachFieldWhoseVendorValueNormalizedToNothing() {
        Snapshot odd = alibaba("deleting", "floppy", "timer", "half", "big", "yesterday");
        Snapshot normal = alibaba("accomplished", "system", "auto", "100%", "40", "2024-01-02T03:04:05Z");

        metrics.count(Provider.ALIBABA_ECS, AlibabaCommonFields.KEPT_RAW, List.of(odd, normal, odd));

        for (NormalizedField field : NormalizedField.values()) {
            assertThat(count(Provider.ALIBABA_ECS, field)).as(field.id()).isEqualTo(2.0);
        }
    }

    @Test
    void aValueTheVendorLeftOutOrBlankIsNotCounted() {
        Snapshot absent = alibaba(null, null, null, null, null, null);
        Snapshot blank = alibaba(" ", "", "", "", "", "");

        metrics.count(Provider.ALIBABA_EDS, AlibabaCommonFields.KEPT_RAW, List.of(absent, blank));

        for (NormalizedField field : NormalizedField.values()) {
            assertThat(count(Provider.ALIBABA_EDS, field)).as(field.id()).isZero();
        }
    }

    @Test
    void registersAtZeroOnlyTheFieldsTheProviderCanReport() {
        metrics.count(Provider.HUAWEI_WORKSPACE, Map.of(NormalizedField.PROGRESS, "process"), List.of());

        assertThat(registry.find(NormalizationMetrics.NAME).counters()).extracting(c -> c.getId().getTag("field"))
                .containsExactlyInAnyOrder("status", "progress");
    }

    /** A snapshot as the ECS and EDS mappers make it from these vendor values. */
    private static Snapshot alibaba(String status, String diskType, String snapshotType, String progress, String size,
            String created) {
        VendorAttributes attributes = new VendorAttributes();
        AlibabaCommonFields f = AlibabaCommonFields.of(status, diskType, snapshotType, progress, size, created,
                attributes);
        return new Snapshot("s-1", Provider.ALIBABA_ECS, "src", "cn-hangzhou", null, "n", "", f.status(), status,
                f.progress(), null, f.diskType(), f.creationType(), f.sizeGib(), f.created(), null, null, Map.of(),
                attributes.build(), null);
    }

    private double count(Provider provider, NormalizedField field) {
        return registry.get(NormalizationMetrics.NAME).tag("provider", provider.id()).tag("field", field.id())
                .counter().count();
    }
}
