package io.snapshotgateway.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.snapshotgateway.Provider;
import io.snapshotgateway.config.GatewayConfig;
import io.snapshotgateway.support.GatewayConfigs;
import io.snapshotgateway.support.GatewayConfigs.Source;

class SourcesValidatorTests {

    static GatewayConfig config(Map<String, GatewayConfig.Source> sources) {
        return GatewayConfigs.withSources(sources);
    }

    static Source ecs(String... regions) {
        return new Source(Provider.ALIBABA_ECS, List.of(regions), Optional.empty(), Optional.of("ak"),
                Optional.of("sk"), Optional.empty(), Optional.empty());
    }

    @Test
    void noSourceAtAllIsAProblemUnlessAllowedOnPurpose() {
        ConfiguredSources none = new ConfiguredSources(config(Map.of()));
        assertThat(SourcesValidator.noSourceProblem(none, false)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("gateway.sources: no source is configured").contains("gateway.allow-no-sources=true"));
        assertThat(SourcesValidator.noSourceProblem(none, true)).isEmpty();
        ConfiguredSources one = new ConfiguredSources(config(Map.of("alibaba-prod", ecs("cn-hangzhou"))));
        assertThat(SourcesValidator.noSourceProblem(one, false)).isEmpty();
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
                "gateway.sources.prod.regions (env GATEWAY_SOURCES_PROD_REGIONS): ' cn-shanghai' is not a region id"
                        + " of alibaba-ecs (like cn-hangzhou or ap-southeast-1)",
                "gateway.sources.prod.regions (env GATEWAY_SOURCES_PROD_REGIONS): a region is listed twice");
    }

    @Test
    void refusesFetchSettingsThatCouldOnlyFailAtRequestTime() {
        GatewayConfig.Fetch fetch = new GatewayConfig.Fetch() {
            public int concurrency() {
                return 16;
            }
            public int pageConcurrency() {
                return 0;
            }
            public int pageSize() {
                return 100;
            }
            public int maxPages() {
                return 0;
            }
            public Duration timeout() {
                return Duration.ZERO;
            }
            public Duration listingTimeout() {
                return Duration.ofSeconds(30);
            }
            public io.quarkus.runtime.configuration.MemorySize maxResponseBytes() {
                return new io.quarkus.runtime.configuration.MemorySize(BigInteger.valueOf(1 << 20));
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

    static Source ecsAt(String endpoint) {
        return new Source(Provider.ALIBABA_ECS, List.of("cn-hangzhou"), Optional.empty(), Optional.of("ak"),
                Optional.of("sk"), Optional.empty(), Optional.of(endpoint));
    }

    static Source huawei(List<String> regions, List<String> projectIds) {
        return new Source(Provider.HUAWEI_WORKSPACE, regions, Optional.of(projectIds), Optional.of("ak"),
                Optional.of("sk"), Optional.empty(), Optional.empty());
    }

    static List<String> problems(Source source) {
        return SourcesValidator.problems(new ConfiguredSources(config(Map.of("prod", source))));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"https://ecs.{region}.aliyuncs.com",
            "http://127.0.0.1:8089/{region}", "http://127.0.0.1:8089", "HTTPS://ecs.aliyuncs.com/",
            "https://gw.example:8443/vendors/{region}/"})
    void acceptsHttpEndpointsWithRegionInHostOrPath(String endpoint) {
        assertThat(SourcesValidator.endpointProblem(endpoint)).isEmpty();
        assertThat(problems(ecsAt(endpoint))).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:28090@evil.example/|user information",
            "https://user:secret@ecs.aliyuncs.com/|user information",
            "https://user@ecs.aliyuncs.com/|user information",
            "ftp://ecs.aliyuncs.com/|http or https",
            "file:///etc/passwd|http or https",
            "ecs.aliyuncs.com|http or https",
            "{region}://ecs.aliyuncs.com/|http or https",
            "https://ecs.aliyuncs.com/?Action=Evil|query or a fragment",
            "https://ecs.aliyuncs.com/#x|query or a fragment",
            "http://127.0.0.1:{region}/|",
            "https://ecs.aliyuncs.com/a/../b|'..'",
            "https:///nohost|host",
            "https://ecs.aliyuncs.com/a b|not a URL"})
    void refusesEndpointsThatCouldSendCredentialsElsewhere(String endpoint, String why) {
        assertThat(SourcesValidator.endpointProblem(endpoint)).hasValueSatisfying(problem -> assertThat(problem)
                .contains(why == null ? "" : why));
        assertThat(problems(ecsAt(endpoint))).singleElement().asString()
                .startsWith("gateway.sources.prod.endpoint (env GATEWAY_SOURCES_PROD_ENDPOINT): ");
    }

    @Test
    void theRefusalOfAnEndpointDoesNotPrintItsPassword() {
        List<String> problems = problems(ecsAt("https://admin:s3cr3t-p4ss@ecs.aliyuncs.com/{region}"));
        assertThat(problems).singleElement().asString().contains("user information")
                .contains("https://***@ecs.aliyuncs.com/{region}").doesNotContain("s3cr3t", "admin");
        assertThat(Endpoints.redacted("http://127.0.0.1:28090@evil.example/")).isEqualTo("http://***@evil.example/");
        assertThat(Endpoints.redacted("https://ecs.aliyuncs.com/a@b")).isEqualTo("https://ecs.aliyuncs.com/a@b");
    }

    @Test
    void regionIdsFollowEachVendorsShape() {
        assertThat(problems(ecs("cn-hangzhou", "ap-southeast-1", "cn-shanghai-finance-1"))).isEmpty();
        assertThat(problems(ecs("CN_x"))).singleElement().asString().contains("'CN_x' is not a region id of "
                + "alibaba-ecs");
        assertThat(problems(ecs("cn-hangzhou.evil.example"))).hasSize(1);
        assertThat(problems(ecs("cn-hangzhou/../x"))).hasSize(1);
        assertThat(Provider.ALIBABA_EDS.regionPattern().matcher("cn-hangzhou").matches()).isTrue();

        String project = "0a1b2c3d4e5f40718293a4b5c6d7e8f9";
        assertThat(problems(huawei(List.of("cn-north-4"), List.of("cn-north-4:" + project)))).isEmpty();
        assertThat(problems(huawei(List.of("cn-north"), List.of("cn-north:" + project)))).singleElement()
                .asString().contains("'cn-north' is not a region id of huawei-workspace (like cn-north-4");
        assertThat(Provider.HUAWEI_WORKSPACE.regionPattern().matcher("ap-southeast-1").matches()).isTrue();
        assertThat(Provider.HUAWEI_WORKSPACE.regionPattern().matcher("CN-NORTH-4").matches()).isFalse();
    }

    @Test
    void huaweiProjectIdsAre32HexDigits() {
        String good = "0A1B2C3D4E5F40718293a4b5c6d7e8f9";
        assertThat(problems(huawei(List.of("cn-north-4"), List.of("cn-north-4:" + good)))).isEmpty();
        for (String bad : List.of("0a1b2c3d4e5f40718293a4b5c6d7e8f", "0a1b2c3d4e5f40718293a4b5c6d7e8f90",
                "0a1b2c3d4e5f40718293a4b5c6d7e8fg", "..%2F..%2Fadmin0a1b2c3d4e5f4071829",
                "0a1b2c3d-4e5f-4071-8293-a4b5")) {
            assertThat(problems(huawei(List.of("cn-north-4"), List.of("cn-north-4:" + bad)))).as(bad)
                    .containsExactly("gateway.sources.prod.project-ids (env GATEWAY_SOURCES_PROD_PROJECT_IDS): the"
                            + " project id of cn-north-4 must be 32 hex digits (Huawei IAM project id)");
        }
    }
}
