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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            "k8s/overlays/prod", "ha", "k8s/overlays/ha", "ha-managed-redis", "k8s/overlays/ha-managed-redis");
    /** Secrets the overlays expect but never create: their keys, from the committed examples. */
    static final List<String> SECRET_EXAMPLES = List.of("k8s/overlays/prod/secret.example.yaml",
            "k8s/overlays/ha/secret.example.yaml");
    /** A {@code $(NAME)} reference the kubelet fills in, or {@code $$}, which it turns into {@code $}. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, List<JsonNode>> RENDERED = new LinkedHashMap<>();

    private Manifests() {
    }

    static synchronized List<JsonNode> render(String kustomization) {
        return RENDERED.computeIfAbsent(kustomization, Manifests::kustomize);
    }

    /**
     * One container's environment as the kubelet would give it: envFrom ConfigMaps and Secrets, then env in order, a
     * variable from a Secret's key taking the committed example's value (a placeholder), and each {@code $(NAME)} in a
     * value filled in from the variables defined before it.
     */
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
            String name = var.path("name").asText();
            JsonNode from = var.path("valueFrom");
            if (from.isMissingNode()) {
                env.put(name, expand(var.path("value").asText(), env));
            } else if (from.has("secretKeyRef")) {
                String secret = from.path("secretKeyRef").path("name").asText();
                String key = from.path("secretKeyRef").path("key").asText();
                JsonNode value = secretExample(secret).orElseThrow(() -> new AssertionError(
                        name + " names a Secret with no committed example of its keys: " + secret))
                        .path("stringData").path(key);
                if (!value.isTextual()) {
                    throw new AssertionError(name + ": the example of Secret " + secret + " has no key " + key);
                }
                env.put(name, value.asText());
            } else {
                throw new AssertionError(name + ": valueFrom other than secretKeyRef: " + from);
            }
        }
        return env;
    }

    /**
     * The variables of a container that only feed {@code $(NAME)} references of later variables, from a Secret: the
     * kubelet's way to put a secret into a larger value (a password into a URL). They are no configuration key.
     */
    static Set<String> referencedSecrets(JsonNode container) {
        Set<String> referenced = new TreeSet<>();
        List<JsonNode> vars = new ArrayList<>();
        container.path("env").forEach(vars::add);
        for (int i = 0; i < vars.size(); i++) {
            JsonNode var = vars.get(i);
            if (!var.path("valueFrom").has("secretKeyRef")) {
                continue;
            }
            String reference = "$(" + var.path("name").asText() + ")";
            if (vars.subList(i + 1, vars.size()).stream().anyMatch(v -> v.path("value").asText().contains(reference))) {
                referenced.add(var.path("name").asText());
            }
        }
        return referenced;
    }

    /** The kubelet's expansion: {@code $(NAME)} of a variable defined so far, {@code $$} as {@code $}, else as is. */
    static String expand(String value, Map<String, String> defined) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = name == null ? "$" : defined.getOrDefault(name, m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
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

    static Optional<JsonNode> secretExample(String name) {
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
