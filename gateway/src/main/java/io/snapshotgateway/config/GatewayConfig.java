package io.snapshotgateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.snapshotgateway.Provider;

/** Everything an operator configures: the sources (accounts) to list, and how hard to call the vendors. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Named sources, one per vendor account; no default: an empty map lists nothing. */
    Map<String, Source> sources();

    /**
     * Whether the gateway may start with no source. Off by default: a replica listing nothing would be Ready and
     * answer an empty, complete page, which hides a broken deployment. Dev and test turn it on.
     */
    @WithDefault("false")
    boolean allowNoSources();

    /** How vendor calls are made. */
    Fetch fetch();

    /** Page tokens. */
    Cursor cursor();

    /** Answers rendered once and reused. */
    Pages pages();

    /** Rendered answers (pages and summaries), kept while the scopes they came from are unchanged. */
    interface Pages {
        /** Most bytes all kept answers take together (least recently used go first). Default 32M. */
        @WithDefault("32M")
        io.quarkus.runtime.configuration.MemorySize maxBytes();
    }

    /** Page tokens handed to callers. */
    interface Cursor {
        /**
         * Key of the MAC that makes page tokens tamper-evident; the same on every replica. Required in prod (start-up
         * fails without it: a known key lets anyone forge a token); dev, test and demo set a public one.
         */
        Optional<String> key();
    }

    /** One configured account of one provider. */
    interface Source {
        /** Provider id: alibaba-ecs, alibaba-eds or huawei-workspace. Required. */
        Provider provider();

        /** Region ids this source serves, comma-separated. Required. */
        List<String> regions();

        /**
         * Huawei only: the project id of each region, as {@code region:project-id} pairs, comma-separated (one value,
         * so it fits one environment variable). Default: none.
         */
        Optional<List<String>> projectIds();

        /** Access key id (Alibaba AccessKeyId, Huawei AK). Default: none; from the environment or a Secret only. */
        Optional<String> accessKeyId();

        /** Access key secret (Alibaba AccessKeySecret, Huawei SK). Default: none; from a Secret only. */
        Optional<String> accessKeySecret();

        /** STS / temporary security token. Default: none. */
        Optional<String> securityToken();

        /** Base URL overriding the vendor's public endpoint; may contain {region}. Default: the vendor's. */
        Optional<String> endpoint();
    }

    /** Limits and timeouts for vendor calls. */
    interface Fetch {
        /** How many source/region listings run at once per request. Default 16. */
        @WithDefault("16")
        int concurrency();

        /** How many pages of one listing are fetched at once. Default 4. */
        @WithDefault("4")
        int pageConcurrency();

        /** Entries asked per vendor page (capped by each vendor's maximum). Default 100. */
        @WithDefault("100")
        int pageSize();

        /** Most pages one listing may take before the gateway calls the vendor broken. Default 200. */
        @WithDefault("200")
        int maxPages();

        /** Largest vendor response accepted (a page of 100 snapshots is about 100 KB). Default 8M. */
        @WithDefault("8M")
        io.quarkus.runtime.configuration.MemorySize maxResponseBytes();

        /** How long one vendor call may take. Default 10s. */
        @WithDefault("10s")
        Duration timeout();

        /**
         * How long one source/region's whole listing (all its pages) may take before that source alone is reported as
         * timed out; the fetch goes on in the background and fills the cache. Default 30s.
         */
        @WithDefault("30s")
        Duration listingTimeout();
    }
}
