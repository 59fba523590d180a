package io.snapshotgateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The product ships no fake: no simulator class and no simulator artifact anywhere in the packaged application
 * (the simulator is a provided dependency, for dev mode and tests only).
 */
class PackagedJarHasNoSimulatorIT {
    private static final Path APP = Path.of("target", "quarkus-app");

    @Test
    void thePackagedApplicationHasNoSimulatorClass() throws IOException {
        assertThat(APP.resolve("quarkus-run.jar")).as("package ran before this test").exists();
        List<String> offending = new ArrayList<>();
        List<Path> jars;
        try (Stream<Path> files = Files.walk(APP)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
        }
        for (Path jar : jars) {
            if (jar.getFileName().toString().contains("vendor-simulator")) {
                offending.add(jar.toString());
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                file.stream().map(e -> e.getName()).filter(n -> n.startsWith("io/snapshotgateway/simulator/"))
                        .forEach(n -> offending.add(jar + "!" + n));
            }
        }
        assertThat(jars).as("jars in the packaged application").hasSizeGreaterThan(10);
        assertThat(offending).isEmpty();
    }
}
