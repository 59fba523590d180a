package io.snapshotgateway.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The objects kustomize renders from {@code k8s/} (base and overlays), read as a platform would apply them. Rendering
 * is kustomize's own ({@code $KUSTOMIZE}, else {@code kubectl kustomize}, else {@code kustomize build}), never ours.
 */
final class Manifests {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Map<String, String> KUSTOMIZATIONS = Map.of("base", "k8s/base", "demo", "k8s/overlays/demo", "prod",
            "k8s/overlays/prod");
    /** Secrets the overlays expect but never create: their keys, from the committed examples. */
    static final List<String> SECRET_EXAMPLES = List.of("k8s/overlays/prod/secret.example.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, List<JsonNode>> RENDERED = new LinkedHashMap<>();

    private Manifests() {
    }

    static synchronized List<JsonNode> render(String kustomization) {
        return RENDERED.computeIfAbsent(kustomization, Manifests::kustomize);
    }

    /** One container's environment as the kubelet would give it: envFrom ConfigMaps and Secrets, then env. */
    static Map<String, String> environment(List<JsonNode> objects, JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                String name = from.path("configMapRef").path("name").asText();
                JsonNode configMap = find(objects, "ConfigMap", name)
                        .orElseThrow(
                                () -> new AssertionError("envFrom names a ConfigMap that is not rendered: " + name));
                configMap.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            } else if (from.has("secretRef")) {
                String name = from.path("secretRef").path("name").asText();
                JsonNode secret = secretExample(name).orElseThrow(() -> new AssertionError(
                        "envFrom names a Secret with no committed example of its keys: " + name));
                secret.path("stringData").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            } else {
                throw new AssertionError("envFrom entry neither ConfigMap nor Secret: " + from);
            }
        }
        for (JsonNode var : container.path("env")) {
            env.put(var.path("name").asText(), var.path("value").asText());
        }
        return env;
    }

    static Optional<JsonNode> find(List<JsonNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText()
                        .equals(name))
                .findFirst();
    }

    static JsonNode gatewayDeployment(List<JsonNode> objects) {
        return find(objects, "Deployment", "snapshot-gateway").orElseThrow();
    }

    static List<JsonNode> containers(JsonNode deployment) {
        List<JsonNode> containers = new ArrayList<>();
        deployment.path("spec").path("template").path("spec").path("containers").forEach(containers::add);
        return containers;
    }

    static JsonNode container(JsonNode deployment, String name) {
        return containers(deployment).stream().filter(c -> c.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    private static Optional<JsonNode> secretExample(String name) {
        return SECRET_EXAMPLES.stream().flatMap(path -> read(ROOT.resolve(path)).stream())
                .filter(o -> o.path("kind").asText().equals("Secret")
                        && o.path("metadata").path("name").asText().equals(name))
                .findFirst();
    }

    private static List<JsonNode> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    private static List<JsonNode> parse(String yaml) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> objects = new ArrayList<>();
            while (documents.hasNext()) {
                JsonNode o = documents.next();
                if (o != null && !o.isNull() && !o.isMissingNode()) {
                    objects.add(o);
                }
            }
            return objects;
        } catch (IOException e) {
            throw new AssertionError("kustomize rendered something that is not YAML", e);
        }
    }

    private static List<JsonNode> kustomize(String kustomization) {
        String dir = ROOT.resolve(KUSTOMIZATIONS.get(kustomization)).toString();
        List<List<String>> commands = new ArrayList<>();
        Optional.ofNullable(System.getenv("KUSTOMIZE")).ifPresent(k -> commands.add(List.of(k, "build", dir)));
        commands.add(List.of("kubectl", "kustomize", dir));
        commands.add(List.of("kustomize", "build", dir));
        List<String> failures = new ArrayList<>();
        for (List<String> command : commands) {
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
                process.getOutputStream().close();
                byte[] out = process.getInputStream().readAllBytes();
                String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", command) + " failed: " + err);
                }
                return parse(new String(out, StandardCharsets.UTF_8));
            } catch (IOException e) {
                failures.add(command.get(0) + ": " + e.getMessage()); // not installed: the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no kustomize: install kubectl 1.27+ or kustomize 5, or set KUSTOMIZE (" + failures
                + ")");
    }
}
