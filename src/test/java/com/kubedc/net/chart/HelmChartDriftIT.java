package com.kubedc.net.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The committed chart (helm/kube-dc-net) is exactly what the build generates
 * (target/helm/kubernetes/kube-dc-net); every template and values file is YAML once the Helm
 * actions are taken out. Runs after {@code package} (failsafe).
 */
class HelmChartDriftIT {
    static final Path GENERATED = Path.of("target/helm/kubernetes/kube-dc-net");
    static final Path COMMITTED = Path.of("helm/kube-dc-net");
    static final YAMLMapper YAML = new YAMLMapper();

    static TreeSet<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void committedChartEqualsTheGeneratedOne() throws IOException {
        assertTrue(Files.isDirectory(GENERATED), "run mvn package first: " + GENERATED + " is missing");
        assertEquals(files(GENERATED), files(COMMITTED), "chart files differ; run scripts/refresh-helm-chart.sh");
        List<String> drifted = new ArrayList<>();
        for (String f : files(GENERATED)) {
            if (!Files.readString(GENERATED.resolve(f)).equals(Files.readString(COMMITTED.resolve(f)))) {
                drifted.add(f);
            }
        }
        assertEquals(List.of(), drifted, "committed chart drifted from the build; run scripts/refresh-helm-chart.sh");
    }

    @Test
    void everyYamlFileOfTheChartParsesOnceHelmActionsAreRemoved() throws IOException {
        int documents = 0;
        for (String f : files(COMMITTED)) {
            if (!f.endsWith(".yaml") && !f.endsWith(".yml")) {
                continue;
            }
            String text = Files.readString(COMMITTED.resolve(f))
                    .replaceAll("(?m)^\\s*\\{\\{-?[^}]*-?\\}\\}\\s*$", "")
                    .replaceAll("\\{\\{[^}]*\\}\\}", "x");
            var it = YAML.readerFor(Object.class).readValues(text);
            while (it.hasNext()) {
                if (it.next() != null) {
                    documents++;
                }
            }
        }
        assertTrue(documents >= 14, "chart documents parsed: " + documents);
    }
}
