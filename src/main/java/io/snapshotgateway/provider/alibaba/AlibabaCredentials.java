package io.snapshotgateway.provider.alibaba;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** An Alibaba Cloud AccessKey pair, with an STS token when temporary. Never printed. */
public record AlibabaCredentials(String accessKeyId, String accessKeySecret, String securityToken) {

    public AlibabaCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
    }

    /** Every value that must never reach a body or a log line. */
    public List<String> secrets() {
        return Stream.of(accessKeyId, accessKeySecret, securityToken).filter(Objects::nonNull).toList();
    }

    @Override
    public String toString() {
        return "AlibabaCredentials[accessKeyId=" + mask(accessKeyId) + ", accessKeySecret=***]";
    }

    private static String mask(String id) {
        return id.length() <= 4 ? "***" : id.substring(0, 4) + "***";
    }
}
