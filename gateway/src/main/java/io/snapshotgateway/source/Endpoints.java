package io.snapshotgateway.source;

import java.net.URI;
import java.util.Optional;

/** Resolves the base URL of one source in one region: the operator's override, or the vendor's public host. */
public final class Endpoints {
    private Endpoints() {
    }

    public static URI resolve(Optional<String> override, String region, String vendorHost) {
        String base = override.map(o -> o.replace("{region}", region)).orElse("https://" + vendorHost);
        // RPC APIs live at "/": without the slash the client would send an empty request path.
        return URI.create(base.endsWith("/") ? base : base + "/");
    }

    /**
     * An endpoint as it may be shown: any user information replaced. Endpoints with user information are refused at
     * start-up, but the refusal names the endpoint, and must not print its password.
     */
    public static String redacted(String endpoint) {
        return endpoint.replaceAll("(?<=://)[^/?#]*@", "***@");
    }

    /** The Host header an HTTP client sends for {@code uri}: the port only when it is not the scheme's default. */
    public static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(uri.getScheme()) && port == 80)
                || ("https".equals(uri.getScheme()) && port == 443);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
