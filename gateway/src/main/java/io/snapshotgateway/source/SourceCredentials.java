package io.snapshotgateway.source;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.snapshotgateway.config.GatewayConfig;
import io.snapshotgateway.provider.support.VendorMessages;

/** Hands each adapter the credentials of a configured source; {@link SourcesValidator} has checked they exist. */
@ApplicationScoped
public class SourceCredentials {
    private final ConfiguredSources sources;

    public SourceCredentials(ConfiguredSources sources) {
        this.sources = sources;
    }

    public AccessKey accessKey(String sourceName) {
        GatewayConfig.Source source = sources.get(sourceName).orElseThrow();
        return new AccessKey(source.accessKeyId().orElseThrow(), source.accessKeySecret().orElseThrow(),
                source.securityToken().orElse(null));
    }

    /**
     * A copy of {@code failure} (and its causes) whose messages went through {@link VendorMessages#sanitize}, for
     * logging a failure that may quote a signed URL.
     */
    public Throwable scrubbed(Throwable failure) {
        if (failure == null) {
            return null;
        }
        RuntimeException copy = new RuntimeException(failure.getClass().getName() + ": "
                + VendorMessages.sanitize(String.valueOf(failure.getMessage()), allSecrets()),
                failure.getCause() == failure ? null : scrubbed(failure.getCause()));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** Every configured secret value of every source, to scrub from anything shown or logged. */
    public List<String> allSecrets() {
        return sources.all().values().stream()
                .flatMap(s -> Stream.of(s.accessKeyId(), s.accessKeySecret(), s.securityToken()))
                .flatMap(Optional::stream)
                .filter(Objects::nonNull)
                .toList();
    }
}
