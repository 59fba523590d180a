package io.snapshotgateway.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMappingInterface;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;
import io.smallrye.config.EnvConfigSource;
import io.snapshotgateway.simulator.SimulatorConfig;

/**
 * The configuration keys a process reads at run time, and the environment variable that sets each. For the gateway:
 * the project's {@code @ConfigMapping} interfaces and the run-time config roots of every Quarkus extension on the class
 * path (as each extension lists them in {@code META-INF/quarkus-config-roots.list}); build-time roots are known too, so
 * that a variable that would be ignored at run time is reported as such. For the simulator: the keys
 * {@link SimulatorConfig} asks for.
 */
final class ConfigKeys {
    private static final String MAP_KEY = "(?:[A-Z0-9]+|_[A-Z0-9_]+_)";

    /** Pattern (e.g. {@code gateway.sources.*.provider}) to the phase it is read in. */
    private final Map<String, ConfigPhase> patterns;
    /** Property to its default, where the mapping states one. */
    private final Map<String, String> defaults;

    private ConfigKeys(Map<String, ConfigPhase> patterns, Map<String, String> defaults) {
        this.patterns = Collections.unmodifiableMap(patterns);
        this.defaults = Collections.unmodifiableMap(defaults);
    }

    /** What the gateway reads: its own mappings, and every Quarkus config root on the class path. */
    static ConfigKeys gateway() {
        Map<String, ConfigPhase> patterns = new TreeMap<>();
        Map<String, String> defaults = new TreeMap<>();
        for (JavaClass mapping : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.snapshotgateway")
                .stream().filter(c -> c.isAnnotatedWith(io.smallrye.config.ConfigMapping.class)).toList()) {
            add(patterns, defaults, mapping.reflect(), ConfigPhase.RUN_TIME);
        }
        for (String root : quarkusConfigRoots()) {
            Class<?> type = load(root);
            ConfigRoot configRoot = type.getAnnotation(ConfigRoot.class);
            add(patterns, defaults, type, configRoot == null ? ConfigPhase.RUN_TIME : configRoot.phase());
        }
        return new ConfigKeys(patterns, defaults);
    }

    /** What the vendor simulator reads on its own (VendorSimulatorMain): the keys SimulatorConfig asks for. */
    static ConfigKeys simulator() {
        Map<String, ConfigPhase> patterns = new TreeMap<>();
        SimulatorConfig.from(key -> {
            patterns.put(key, ConfigPhase.RUN_TIME);
            return Optional.empty();
        });
        return new ConfigKeys(patterns, Map.of());
    }

    int size() {
        return patterns.size();
    }

    /** The default the mapping states for a property, e.g. 8080 for {@code quarkus.http.port}. */
    Optional<String> defaultValue(String property) {
        return Optional.ofNullable(defaults.get(property));
    }

    /**
     * The run-time property an environment variable sets, e.g. {@code gateway.sources."alibaba-prod".provider} for
     * {@code GATEWAY_SOURCES__ALIBABA_PROD__PROVIDER}; or why it sets none.
     */
    Lookup lookup(String variable) {
        List<String> buildTime = new ArrayList<>();
        for (Map.Entry<String, ConfigPhase> pattern : patterns.entrySet()) {
            Optional<String> property = match(pattern.getKey(), variable);
            if (property.isEmpty()) {
                continue;
            }
            if (pattern.getValue() != ConfigPhase.RUN_TIME) {
                buildTime.add(property.get());
                continue;
            }
            // The property is one SmallRye Config reads from this very variable (as Quarkus does at run time).
            String read = new EnvConfigSource(Map.of(variable, "x"), 300).getValue(property.get());
            if ("x".equals(read)) {
                return new Lookup(variable, Optional.of(property.get()), "");
            }
        }
        return new Lookup(variable, Optional.empty(), buildTime.isEmpty()
                ? "no such configuration key"
                : "fixed at build time, ignored at run time: " + buildTime);
    }

    record Lookup(String variable, Optional<String> property, String problem) {
    }

    private static Optional<String> match(String pattern, String variable) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("[*]", i)) {
                regex.append("_([0-9]+)_");
                i += 2;
            } else if (c == '*') {
                regex.append('(').append(MAP_KEY).append(')');
            } else if (Character.isLetterOrDigit(c)) {
                regex.append(Character.toUpperCase(c));
            } else {
                regex.append('_');
            }
        }
        Matcher m = Pattern.compile(regex.toString()).matcher(variable);
        if (!m.matches()) {
            return Optional.empty();
        }
        // the property name with each map key (quoted when it is not one word) and list index filled in
        StringBuilder property = new StringBuilder();
        int group = 1;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.startsWith("[*]", i)) {
                property.append('[').append(m.group(group++)).append(']');
                i += 2;
            } else if (pattern.charAt(i) == '*') {
                String key = m.group(group++);
                property.append(key.startsWith("_")
                        ? "\"" + key.substring(1, key.length() - 1).toLowerCase(Locale.ROOT).replace('_', '-') + "\""
                        : key.toLowerCase(Locale.ROOT));
            } else {
                property.append(pattern.charAt(i));
            }
        }
        return Optional.of(property.toString());
    }

    private static void add(Map<String, ConfigPhase> patterns, Map<String, String> defaults, Class<?> type,
            ConfigPhase phase) {
        io.smallrye.config.ConfigMapping mapping = type.getAnnotation(io.smallrye.config.ConfigMapping.class);
        if (mapping == null) {
            throw new AssertionError(type + " is listed as a config root but is no @ConfigMapping");
        }
        Map<String, ConfigMappingInterface.Property> properties = ConfigMappings
                .getProperties(ConfigClass.configClass(type, mapping.prefix()));
        properties.forEach((name, property) -> {
            patterns.merge(name, phase, (a, b) -> a == ConfigPhase.RUN_TIME ? a : b);
            if (property.hasDefaultValue()) {
                defaults.put(name, property.getDefaultValue());
            }
        });
    }

    private static List<String> quarkusConfigRoots() {
        TreeSet<String> roots = new TreeSet<>();
        try {
            Enumeration<URL> lists = ConfigKeys.class.getClassLoader()
                    .getResources("META-INF/quarkus-config-roots.list");
            while (lists.hasMoreElements()) {
                try (InputStream in = lists.nextElement().openStream()) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                            .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(roots::add);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return List.copyOf(roots);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ConfigKeys.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("config root listed but not on the class path: " + name, e);
        }
    }
}
