package io.snapshotgateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.snapshotgateway.Provider;
import io.snapshotgateway.aggregation.Selection;
import io.snapshotgateway.source.ConfiguredSources;
import io.snapshotgateway.support.GatewayConfigs;
import io.snapshotgateway.support.SimulatorWithApiKeys;

/** API keys checked at start-up, every problem named with its property and environment variable; key lookup. */
class ApiKeysConfigurationTests {
    private static final String OPS = "ops-key-0123456789abcdef";
    private static final String TEAM = "team-key-fedcba9876543210";

    record Key(String sha256, Optional<List<String>> providers, Optional<List<String>> sources,
            Optional<List<String>> regions, boolean noCache) implements ApiKeysConfig.Key {
    }

    record Rate(double requestsPerSecond, int burst) implements AuthConfig.RateLimit {
    }

    record Auth(boolean enabled, RateLimit rateLimit) implements AuthConfig {
    }

    private static final ConfiguredSources SOURCES = new ConfiguredSources(GatewayConfigs.withSources(Map.of(
            "prod-ecs", new GatewayConfigs.Source(Provider.ALIBABA_ECS, List.of("cn-hangzhou", "cn-shanghai"),
                    Optional.empty(), Optional.of("ak"), Optional.of("sk"), Optional.empty(), Optional.empty()))));

    private static Key key(String sha256, String providers, String sources, String regions, boolean noCache) {
        return new Key(sha256, list(providers), list(sources), list(regions), noCache);
    }

    private static Optional<List<String>> list(String csv) {
        return csv == null ? Optional.empty() : Optional.of(List.of(csv.split(",")));
    }

    private static ApiKeys keys(boolean enabled, Rate rate, Map<String, ApiKeysConfig.Key> keys) {
        return new ApiKeys(new Auth(enabled, rate), () -> keys, SOURCES);
    }

    private static ApiKeys keys(Map<String, ApiKeysConfig.Key> keys) {
        return keys(true, new Rate(20, 40), keys);
    }

    private static String startupFailure(ApiKeys keys) {
        try {
            keys.onStart(null);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError("start-up accepted the configuration");
    }

    @Test
    void findsAKeyByItsHashAndNothingElse() {
        ApiKeys keys = keys(Map.of(
                "ops", key(SimulatorWithApiKeys.sha256Hex(OPS), null, null, null, true),
                "team", key(" " + SimulatorWithApiKeys.sha256Hex(TEAM).toUpperCase() + " ", "alibaba-ecs", "prod-ecs",
                        "cn-shanghai", false)));
        assertThatNoException().isThrownBy(() -> keys.onStart(null));

        assertThat(keys.find(OPS)).hasValueSatisfying(k -> {
            assertThat(k.name()).isEqualTo("ops");
            assertThat(k.caller().grant()).isEqualTo(Selection.ALL);
            assertThat(k.caller().mayForceRefresh()).isTrue();
        });
        assertThat(keys.find(TEAM)).hasValueSatisfying(k -> {
            assertThat(k.caller().name()).isEqualTo("team");
            assertThat(k.caller().grant()).isEqualTo(new Selection(Set.of(Provider.ALIBABA_ECS), Set.of("prod-ecs"),
                    Set.of("cn-shanghai")));
            assertThat(k.caller().mayForceRefresh()).isFalse();
        });
        for (String other : List.of("", OPS + " ", OPS.toUpperCase(), OPS.substring(1), SimulatorWithApiKeys
                .sha256Hex(OPS), "x".repeat(ApiKeys.MAX_KEY_LENGTH + 1))) {
            assertThat(keys.find(other)).as(other).isEmpty();
        }
        assertThat(keys.find(null)).isEmpty();
    }

    @Test
    void namesEveryBadKeyWithItsPropertyAndEnvironmentVariable() {
        String message = startupFailure(keys(Map.of(
                "short", key("abc123", null, null, null, false),
                "nothex", key("z".repeat(64), null, null, null, false),
                "team-a", key(SimulatorWithApiKeys.sha256Hex(TEAM), "alibaba-ecs,alibaba-ecz", "prod-ecs,prod-edz",
                        "cn-hangzhou,eu-nowhere-1", false),
                "Bad_Name", key(SimulatorWithApiKeys.sha256Hex(OPS), null, null, null, false))));

        assertThat(message).startsWith("Invalid API key configuration:\n  - ").contains(
                "gateway.api-keys.short.sha256 (env GATEWAY_API_KEYS_SHORT_SHA256): must be the SHA-256 of the key, "
                        + "64 hex digits",
                "gateway.api-keys.nothex.sha256 (env GATEWAY_API_KEYS_NOTHEX_SHA256): must be the SHA-256",
                "gateway.api-keys.team-a.providers (env GATEWAY_API_KEYS__TEAM_A__PROVIDERS): 'alibaba-ecz' is not a "
                        + "provider; known: alibaba-ecs, alibaba-eds, huawei-workspace",
                "gateway.api-keys.team-a.sources (env GATEWAY_API_KEYS__TEAM_A__SOURCES): 'prod-edz' is not a "
                        + "configured source",
                "gateway.api-keys.team-a.regions (env GATEWAY_API_KEYS__TEAM_A__REGIONS): 'eu-nowhere-1' is not a "
                        + "configured region",
                "gateway.api-keys.Bad_Name: key names are 1 to 63 lowercase letters, digits and dashes");
        assertThat(message.lines().filter(l -> l.startsWith("  - "))).hasSize(6);
        // the hashes are not secret, but the message has no need of them
        assertThat(message).doesNotContain("abc123", SimulatorWithApiKeys.sha256Hex(TEAM));
    }

    @Test
    void keysAreRequiredWhileAuthenticationIsOn() {
        assertThat(startupFailure(keys(Map.of()))).contains("gateway.api-keys.<name>.sha256 (env "
                + "GATEWAY_API_KEYS_<NAME>_SHA256): at least one API key is required while gateway.auth.enabled is "
                + "true");
        ApiKeys off = keys(false, new Rate(20, 40), Map.of());
        assertThatNoException().isThrownBy(() -> off.onStart(null));
        assertThat(off.enabled()).isFalse();
    }

    @Test
    void theRateLimitMustLetSomethingThrough() {
        Map<String, ApiKeysConfig.Key> one = Map.of("ops", key(SimulatorWithApiKeys.sha256Hex(OPS), null, null,
                null, false));
        for (Rate rate : List.of(new Rate(0, 40), new Rate(-1, 40), new Rate(Double.NaN, 40), new Rate(20, 0))) {
            assertThatThrownBy(() -> keys(true, rate, one).onStart(null)).as(rate.toString())
                    .hasMessageContaining("gateway.auth.rate-limit (env GATEWAY_AUTH_RATE_LIMIT_REQUESTS_PER_SECOND, "
                            + "GATEWAY_AUTH_RATE_LIMIT_BURST): requests-per-second must be above 0 and burst at "
                            + "least 1");
        }
    }

    /** The configuration as the environment gives it, read by SmallRye Config as Quarkus reads it. */
    private static ApiKeysConfig fromEnvironment(Map<String, String> env) {
        return new io.smallrye.config.SmallRyeConfigBuilder()
                .withSources(new io.smallrye.config.EnvConfigSource(env, 300))
                .withMapping(ApiKeysConfig.class).build().getConfigMapping(ApiKeysConfig.class);
    }

    @Test
    void theEnvironmentVariableAProblemNamesIsTheOneThatSetsTheKey() {
        // a name with a dash: the message's variable must be one that reaches gateway.api-keys.team-ecs
        String message = startupFailure(new ApiKeys(new Auth(true, new Rate(20, 40)), fromEnvironment(Map.of(
                "GATEWAY_API_KEYS_OPS_SHA256", "abc", "GATEWAY_API_KEYS__TEAM_ECS__SHA256", "abc")), SOURCES));
        assertThat(message).contains("(env GATEWAY_API_KEYS_OPS_SHA256): must be the SHA-256",
                "(env GATEWAY_API_KEYS__TEAM_ECS__SHA256): must be the SHA-256");

        ApiKeys keys = new ApiKeys(new Auth(true, new Rate(20, 40)), fromEnvironment(Map.of(
                "GATEWAY_API_KEYS__TEAM_ECS__SHA256", SimulatorWithApiKeys.sha256Hex(TEAM),
                "GATEWAY_API_KEYS__TEAM_ECS__PROVIDERS", "alibaba-ecs",
                "GATEWAY_API_KEYS_OPS_SHA256", SimulatorWithApiKeys.sha256Hex(OPS),
                "GATEWAY_API_KEYS_OPS_NO_CACHE", "true")), SOURCES);
        assertThatNoException().isThrownBy(() -> keys.onStart(null));
        assertThat(keys.find(TEAM)).hasValueSatisfying(k -> {
            assertThat(k.name()).isEqualTo("team-ecs");
            assertThat(k.caller().grant().providers()).containsExactly(Provider.ALIBABA_ECS);
        });
        assertThat(keys.find(OPS)).hasValueSatisfying(k -> assertThat(k.caller().mayForceRefresh()).isTrue());
    }

    @Test
    void twoSpellingsOfOneNameAreRefused() {
        String message = startupFailure(keys(Map.of(
                "team-ecs", key(SimulatorWithApiKeys.sha256Hex(TEAM), null, null, null, false),
                "team.ecs", key(SimulatorWithApiKeys.sha256Hex(OPS), null, null, null, false))));
        assertThat(message).contains("gateway.api-keys.team-ecs and gateway.api-keys.team.ecs both name the key "
                + "'team-ecs'");
    }
}
