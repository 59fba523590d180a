package io.snapshotgateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.snapshotgateway.GatewayConfig;
import io.snapshotgateway.Provider;

class SourcesValidatorTests {

    record Source(Provider provider, List<String> regions, Optional<List<String>> projectIds,
            Optional<String> accessKeyId, Optional<String> accessKeySecret, Optional<String> securityToken,
            Optional<String> endpoint) implements GatewayConfig.Source {
    }

    static GatewayConfig config(Map<String, GatewayConfig.Source> sources) {
        return new GatewayConfig() {
            @Override
            public Map<String, Source> sources() {
                return sources;
            }

            @Override
            public Fetch fetch() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Cursor cursor() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Pages pages() {
                throw new UnsupportedOperationException();
            }
        };
    }

    static Source ecs(String... regions) {
        return new Source(Provider.ALIBABA_ECS, List.of(regions), Optional.empty(), Optional.of("ak"),
                Optional.of("sk"), Optional.empty(), Optional.empty());
    }

    @Test
    void acceptsAValidConfiguration() {
        ConfiguredSources sources = new ConfiguredSources(config(Map.of("alibaba-prod", ecs("cn-hangzhou"))));
        assertThat(SourcesValidator.problems(sources)).isEmpty();
    }

    @Test
    void namesEveryBadKeyWithItsEnvironmentVariable() {
        Source broken = new Source(Provider.HUAWEI_WORKSPACE, List.of("cn-north-4", "cn-east-3"),
                Optional.of(List.of("cn-north-4:0123abcd", "cn-east-3")), Optional.empty(), Optional.of(" "),
                Optional.empty(), Optional.of("ftp://{region}.example"));
        List<String> problems = SourcesValidator.problems(new ConfiguredSources(config(Map.of("hw_prod", broken))));

        assertThat(problems).containsExactlyInAnyOrder(
                "gateway.sources.hw_prod.access-key-id (env GATEWAY_SOURCES__HW_PROD__ACCESS_KEY_ID): required",
                "gateway.sources.hw_prod.access-key-secret (env GATEWAY_SOURCES__HW_PROD__ACCESS_KEY_SECRET): required",
                "gateway.sources.hw_prod.endpoint (env GATEWAY_SOURCES__HW_PROD__ENDPOINT): must be an http or https"
                        + " URL (got ftp://{region}.example)",
                "gateway.sources.hw_prod.project-ids (env GATEWAY_SOURCES__HW_PROD__PROJECT_IDS): the project id of"
                        + " cn-north-4 must be 32 hex digits (Huawei IAM project id)",
                "gateway.sources.hw_prod.project-ids (env GATEWAY_SOURCES__HW_PROD__PROJECT_IDS): 'cn-east-3' is not"
                        + " a region:project-id pair",
                "gateway.sources.hw_prod.project-ids (env GATEWAY_SOURCES__HW_PROD__PROJECT_IDS): no project id for"
                        + " region cn-east-3 (required for huawei-workspace)");
    }

    @Test
    void refusesRegionsThatAreNotRegionIds() {
        List<String> problems = SourcesValidator.problems(new ConfiguredSources(config(Map.of("prod",
                ecs("cn-hangzhou", " cn-shanghai", "cn-hangzhou")))));
        assertThat(problems).containsExactlyInAnyOrder(
                "gateway.sources.prod.regions (env GATEWAY_SOURCES_PROD_REGIONS): ' cn-shanghai' is not a"
                        + " alibaba-ecs region id (like cn-hangzhou or ap-southeast-1)",
                "gateway.sources.prod.regions (env GATEWAY_SOURCES_PROD_REGIONS): a region is listed twice");
    }

    @Test
    void refusesFetchSettingsThatCouldOnlyFailAtRequestTime() {
        GatewayConfig.Fetch fetch = new GatewayConfig.Fetch() {
            public int concurrency() { return 16; }
            public int pageConcurrency() { return 0; }
            public int pageSize() { return 100; }
            public int maxPages() { return 0; }
            public java.time.Duration timeout() { return java.time.Duration.ZERO; }
            public java.time.Duration listingTimeout() { return java.time.Duration.ofSeconds(30); }
            public io.quarkus.runtime.configuration.MemorySize maxResponseBytes() {
                return new io.quarkus.runtime.configuration.MemorySize(java.math.BigInteger.valueOf(1 << 20));
            }
        };
        assertThat(SourcesValidator.problems(fetch)).containsExactlyInAnyOrder(
                "gateway.fetch.timeout (env GATEWAY_FETCH_TIMEOUT): must be longer than 0",
                "gateway.fetch.page-concurrency (env GATEWAY_FETCH_PAGE_CONCURRENCY): must be at least 1, got 0",
                "gateway.fetch.max-pages (env GATEWAY_FETCH_MAX_PAGES): must be at least 1, got 0");
    }

    @Test
    void readsDotsAndUnderscoresInKeysAsDashes() {
        ConfiguredSources sources = new ConfiguredSources(config(Map.of("alibaba.prod", ecs("cn-hangzhou"))));
        assertThat(sources.all()).containsOnlyKeys("alibaba-prod");
        assertThat(SourcesValidator.problems(sources)).isEmpty();
        assertThatThrownBy(() -> new ConfiguredSources(config(Map.of("a.b", ecs("x"), "a_b", ecs("y")))))
                .hasMessageContaining("both name the source 'a-b'");
    }

    @Test
    void readsProjectIdsPerRegion() {
        Source hw = new Source(Provider.HUAWEI_WORKSPACE, List.of("cn-north-4"),
                Optional.of(List.of("cn-north-4: 0123abcd ", "cn-east-3:ffff")), Optional.of("ak"), Optional.of("sk"),
                Optional.empty(), Optional.empty());
        ConfiguredSources sources = new ConfiguredSources(config(Map.of("hw", hw)));
        assertThat(sources.projectId("hw", "cn-north-4")).contains("0123abcd");
        assertThat(sources.projectId("hw", "ap-southeast-1")).isEmpty();
    }
}
