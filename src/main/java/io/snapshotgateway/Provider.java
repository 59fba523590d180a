package io.snapshotgateway;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The vendor products the gateway lists snapshots from; {@link #id()} is the public provider id. */
public enum Provider {
    ALIBABA_ECS("alibaba-ecs"),
    ALIBABA_EDS("alibaba-eds"),
    HUAWEI_WORKSPACE("huawei-workspace");

    private final String id;

    Provider(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public static Optional<Provider> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
