package io.snapshotgateway.source;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * An access key pair (Alibaba AccessKeyId/Secret, Huawei AK/SK), with a security token when temporary. Its
 * {@link #toString()} never prints the secret parts.
 */
public record AccessKey(String id, String secret, String securityToken) {

    public AccessKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
    }

    /** Every value that must never reach a body or a log line. */
    public List<String> secrets() {
        return Stream.of(id, secret, securityToken).filter(Objects::nonNull).toList();
    }

    @Override
    public String toString() {
        return "AccessKey[id=" + (id.length() <= 4 ? "***" : id.substring(0, 4) + "***") + ", secret=***]";
    }
}
