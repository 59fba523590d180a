package io.snapshotgateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.snapshotgateway.shared.SharedStateConfig;
import io.vertx.redis.client.impl.RedisURI;

/**
 * The rendered manifests against the application: every environment variable they set is a configuration key the
 * process reads at run time (a misspelt or build-time key would be ignored silently), and the container ports are the
 * ports the application listens on in the profile the manifest runs it in.
 */
class ManifestConfigurationTests {
    private static final ConfigKeys GATEWAY = ConfigKeys.gateway();
    private static final ConfigKeys SIMULATOR = ConfigKeys.simulator();
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"base", "demo", "prod", "ha", "ha-managed-redis"})
    void everyEnvironmentVariableIsARunTimeConfigurationKey(String kustomization) {
        List<JsonNode> objects = Manifests.render(kustomization);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (JsonNode container : Manifests.containers(Manifests.gatewayDeployment(objects))) {
            String name = container.path("name").asText();
            ConfigKeys keys = switch (name) {
                case "snapshot-gateway" -> GATEWAY;
                case "vendor-simulator" -> SIMULATOR;
                default -> throw new AssertionError("a container this test does not know: " + name);
            };
            Set<String> onlyReferenced = Manifests.referencedSecrets(container);
            for (String variable : Manifests.environment(objects, container).keySet()) {
                if (onlyReferenced.contains(variable)) {
                    continue; // a Secret's value the kubelet puts into a later variable (the Redis URL's password)
                }
                ConfigKeys.Lookup lookup = keys.lookup(variable);
                checked++;
                if (lookup.property().isEmpty()) {
                    problems.add(name + ": " + variable + ": " + lookup.problem());
                }
            }
        }
        assertThat(checked).isPositive();
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckKnowsTheKeysAndRefusesTyposAndBuildTimeKeys() {
        assertThat(GATEWAY.size()).as("keys known").isGreaterThan(500);
        assertThat(GATEWAY.lookup("GATEWAY_SOURCES__ALIBABA_PROD__PROVIDER").property())
                .contains("gateway.sources.\"alibaba-prod\".provider");
        assertThat(GATEWAY.lookup("GATEWAY_API_KEYS_GRAFANA_SHA256").property())
                .contains("gateway.api-keys.grafana.sha256");
        assertThat(GATEWAY.lookup("QUARKUS_LOG_CATEGORY__IO_SNAPSHOTGATEWAY__LEVEL").property())
                .contains("quarkus.log.category.\"io-snapshotgateway\".level");
        assertThat(GATEWAY.lookup("QUARKUS_SHUTDOWN_DELAY").property()).contains("quarkus.shutdown.delay");
        assertThat(GATEWAY.lookup("GATEWAY_REDIS_URL").property()).contains("gateway.redis.url");
        assertThat(GATEWAY.lookup("GATEWAY_FETCH_TIMOUT").problem()).isEqualTo("no such configuration key");
        assertThat(GATEWAY.lookup("GATEWAY_REDIS_URI").problem()).isEqualTo("no such configuration key");
        // the kubelet's variable for the URL's password is no key, so the check must skip it, and only it
        assertThat(GATEWAY.lookup("REDIS_PASSWORD").property()).isEmpty();
        assertThat(GATEWAY.lookup("GATEWAY_SOURCES__ALIBABA_PROD__REGION").property()).isEmpty();
        // a build-time key: set in a container it would change nothing
        assertThat(GATEWAY.lookup("QUARKUS_MANAGEMENT_ENABLED").problem()).startsWith("fixed at build time");
        assertThat(SIMULATOR.lookup("SIMULATOR_PORT").property()).contains("simulator.port");
        assertThat(SIMULATOR.lookup("SIMULATOR_PROT").property()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "demo", "prod", "ha", "ha-managed-redis"})
    void theNamedPortsAreThePortsTheApplicationListensOnInItsProfile(String kustomization) throws IOException {
        List<JsonNode> objects = Manifests.render(kustomization);
        JsonNode container = Manifests.container(Manifests.gatewayDeployment(objects), "snapshot-gateway");
        Map<String, String> env = Manifests.environment(objects, container);
        String profile = env.getOrDefault("QUARKUS_PROFILE", "prod");
        SmallRyeConfig config = applicationConfig(profile, env);

        assertThat(port(container, "http")).isEqualTo(effective(config, "quarkus.http.port"));
        assertThat(port(container, "management")).isEqualTo(effective(config, "quarkus.management.port"));
        // the management interface exists at all: a build-time switch, from application.properties
        assertThat(config.getOptionalValue("quarkus.management.enabled", Boolean.class)).contains(true);
    }

    @Test
    void theDefaultPortsComeFromQuarkusItself() {
        assertThat(GATEWAY.defaultValue("quarkus.http.port")).contains("8080");
        assertThat(GATEWAY.defaultValue("quarkus.management.port")).contains("9000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "prod", "ha", "ha-managed-redis"})
    void theProfileAManifestNamesExists(String kustomization) throws IOException {
        List<JsonNode> objects = Manifests.render(kustomization);
        JsonNode container = Manifests.container(Manifests.gatewayDeployment(objects), "snapshot-gateway");
        Optional<String> profile = Optional
                .ofNullable(Manifests.environment(objects, container).get("QUARKUS_PROFILE"));
        String properties = Files
                .readString(Manifests.ROOT.resolve("gateway/src/main/resources/application.properties"));
        profile.ifPresent(p -> assertThat(properties).containsPattern("(?m)^%([a-z]+,)*" + p + "(,[a-z]+)*\\."));
        assertThat(profile.orElse("prod")).isEqualTo(kustomization.equals("demo") ? "demo" : "prod");
    }

    @Test
    void onlyASecretVariableThatALaterVariableReferencesIsSkipped() {
        JsonNode container = JSON.valueToTree(Map.of("name", "c", "env", List.of(
                Map.of("name", "PASS", "valueFrom", Map.of("secretKeyRef", Map.of("name", "s", "key", "k"))),
                Map.of("name", "UNUSED", "valueFrom", Map.of("secretKeyRef", Map.of("name", "s", "key", "k"))),
                Map.of("name", "PLAIN", "value", "x"),
                Map.of("name", "URL", "value", "redis://:$(PASS)@redis:6379/$(PLAIN)"),
                Map.of("name", "EARLIER", "value", "$(LATER)"),
                Map.of("name", "LATER", "valueFrom", Map.of("secretKeyRef", Map.of("name", "s", "key", "k"))))));
        // UNUSED feeds nothing, PLAIN is no Secret, LATER comes after its reference: each stays a key to check
        assertThat(Manifests.referencedSecrets(container)).containsExactly("PASS");
    }

    @Test
    void theKubeletsExpansionFillsInEarlierVariablesOnly() {
        Map<String, String> defined = Map.of("PASS", "pw");
        assertThat(Manifests.expand("redis://:$(PASS)@redis:6379", defined)).isEqualTo("redis://:pw@redis:6379");
        assertThat(Manifests.expand("$(LATER) $$(PASS) $$", defined)).isEqualTo("$(LATER) $(PASS) $");
    }

    @ParameterizedTest
    // the managed example's endpoint is a placeholder too: filled in as managed.example.com below
    @CsvSource({"ha, false, redis, 6379", "ha-managed-redis, true, managed.example.com, 6380"})
    void theRedisUrlReachesTheApplicationAsSharedStateWithTheSecretsPassword(String kustomization, boolean tls,
            String host, int port) throws IOException {
        List<JsonNode> objects = Manifests.render(kustomization);
        JsonNode container = Manifests.container(Manifests.gatewayDeployment(objects), "snapshot-gateway");
        Map<String, String> env = Manifests.environment(objects, container);
        String password = Manifests.secretExample("snapshot-gateway-redis").orElseThrow().path("stringData")
                .path("password").asText();
        assertThat(password).startsWith("<").endsWith(">");

        // What SmallRye Config hands SharedStateConfig: the URL with the Secret's value in it (here its placeholder)
        SharedStateConfig shared = new SmallRyeConfigBuilder().withMapping(SharedStateConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // Quarkus's "500ms"
                .withSources(new EnvConfigSource(env, 300)).build().getConfigMapping(SharedStateConfig.class);
        assertThat(shared.url()).hasValueSatisfying(url -> assertThat(url).contains(":" + password + "@"));

        // and what the Redis client reads from it, once the placeholders are real values (a password of letters and
        // digits, as the example Secret asks)
        RedisURI uri = new RedisURI(shared.url().orElseThrow().replace(password, "0123abcd")
                .replace("<managed-redis-host>", "managed.example.com"));
        assertThat(uri.password()).isEqualTo("0123abcd");
        assertThat(uri.user()).isNull();
        assertThat(uri.ssl()).isEqualTo(tls);
        assertThat(uri.socketAddress().host()).isEqualTo(host);
        assertThat(uri.socketAddress().port()).isEqualTo(port);
    }

    /** The configured value, else the default Quarkus states for the key. */
    private static int effective(SmallRyeConfig config, String property) {
        return config.getOptionalValue(property, Integer.class).orElseGet(() -> Integer
                .parseInt(GATEWAY.defaultValue(property)
                        .orElseThrow(() -> new AssertionError("no default: " + property))));
    }

    private static int port(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no port named " + name);
    }

    /** The configuration Quarkus would see: the container's environment over application.properties, in a profile. */
    private static SmallRyeConfig applicationConfig(String profile, Map<String, String> env) throws IOException {
        URL properties = Manifests.ROOT.resolve("gateway/src/main/resources/application.properties").toUri().toURL();
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile(profile)
                .withSources(new EnvConfigSource(env, 300), new PropertiesConfigSource(properties, 250)).build();
    }
}
