package io.snapshotgateway;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/** The vendor products the gateway lists snapshots from; {@link #id()} is the public provider id. */
public enum Provider {
    ALIBABA_ECS("alibaba-ecs", Regions.ALIBABA, Regions.ALIBABA_TEXT),
    ALIBABA_EDS("alibaba-eds", Regions.ALIBABA, Regions.ALIBABA_TEXT),
    HUAWEI_WORKSPACE("huawei-workspace", Regions.HUAWEI, Regions.HUAWEI_TEXT);

    /** The vendors' region id shapes, checked at start-up: a region becomes part of a host name or a signature. */
    private static final class Regions {
        /** cn-hangzhou, ap-southeast-1, cn-shanghai-finance-1. */
        static final Pattern ALIBABA = Pattern.compile("[a-z]{2,4}(-[a-z0-9]+){1,4}");
        static final String ALIBABA_TEXT = "like cn-hangzhou or ap-southeast-1";
        /** cn-north-4, ap-southeast-1, eu-west-101. */
        static final Pattern HUAWEI = Pattern.compile("[a-z]{2,4}(-[a-z]+){1,3}-[0-9]{1,3}");
        static final String HUAWEI_TEXT = "like cn-north-4 or ap-southeast-1";
    }

    private final String id;
    private final Pattern regionPattern;
    private final String regionPatternDescription;

    Provider(String id, Pattern regionPattern, String regionPatternDescription) {
        this.id = id;
        this.regionPattern = regionPattern;
        this.regionPatternDescription = regionPatternDescription;
    }

    public Pattern regionPattern() {
        return regionPattern;
    }

    public String regionPatternDescription() {
        return regionPatternDescription;
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
