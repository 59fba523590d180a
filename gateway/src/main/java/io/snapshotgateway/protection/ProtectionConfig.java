package io.snapshotgateway.protection;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the gateway spares each vendor account: a call budget and a concurrency bound per source, retries of transient
 * failures within a retry budget, and a circuit breaker per scope. Vendors do not publish the quotas of these APIs
 * (vendor reference §8): the defaults are deliberately modest; raise them to what Quota Center / API Explorer shows.
 */
@ConfigMapping(prefix = "gateway.protection")
public interface ProtectionConfig {

    /** Vendor calls per source, refreshes and on-demand calls together (a token bucket). */
    CallBudget callBudget();

    /** Most vendor calls one source has in flight at once; more wait in line. Default 8. */
    @WithDefault("8")
    int maxConcurrentCalls();

    Retry retry();

    Breaker breaker();

    interface CallBudget {
        /** Calls a second, sustained. Default 10. */
        @WithDefault("10")
        double callsPerSecond();

        /** Calls at once after a quiet spell. Default 20. */
        @WithDefault("20")
        int burst();
    }

    /** Retries of one vendor call after throttling, a 5xx or a reset connection (never after other failures). */
    interface Retry {
        /** Retries of one call at most. Default 3; 0 turns retries off. */
        @WithDefault("3")
        int maxRetries();

        /**
         * Upper bound of the first back-off (full jitter: a random wait up to it), doubled per retry. Default 200ms.
         */
        @WithDefault("200ms")
        Duration initialBackoff();

        /**
         * Largest back-off bound (a vendor's Retry-After may ask for longer, within the listing deadline). Default 10s.
         */
        @WithDefault("10s")
        Duration maxBackoff();

        /** Retries per source, as a share of first attempts: 0.1 = at most 10 % extra calls. Default 0.1. */
        @WithDefault("0.1")
        double budgetRatio();

        /** Retries a source may spend before it has made enough calls to earn them (and at most saved). Default 10. */
        @WithDefault("10")
        int budgetReserve();
    }

    /** A circuit breaker per scope (source, region, project) around whole listings and instance lookups. */
    interface Breaker {
        /** Failed vendor listings in a row that open the breaker. Default 3. */
        @WithDefault("3")
        int failureThreshold();

        /** How long an open breaker refuses vendor calls before one probe is let through. Default 60s. */
        @WithDefault("60s")
        Duration openFor();
    }
}
