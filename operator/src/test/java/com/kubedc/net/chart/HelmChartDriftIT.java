package com.kubedc.net.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRDs the chart ships (helm/kube-dc-net/files/crds) are exactly the ones the build generates
 * from the API classes (target/kubernetes). Runs after {@code package} (failsafe).
 */
class HelmChartDriftIT {
    static final Path GENERATED = Path.of("target/kubernetes");
    static final Path COMMITTED = com.kubedc.net.testkit.Repo.path("helm", "kube-dc-net", "files", "crds");

    static TreeSet<String> crds(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".kube-dc.com-v1.yml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void theChartsCrdsAreTheGeneratedOnes() throws IOException {
        assertTrue(Files.isDirectory(GENERATED), "run mvn package first: " + GENERATED + " is missing");
        TreeSet<String> generated = crds(GENERATED);
        assertEquals(3, generated.size(), "Project, EIp, FIp: " + generated);
        assertEquals(generated, crds(COMMITTED), "CRD files differ; run scripts/refresh-crds.sh");
        List<String> drifted = new ArrayList<>();
        for (String f : generated) {
            if (!Files.readString(GENERATED.resolve(f)).equals(Files.readString(COMMITTED.resolve(f)))) {
                drifted.add(f);
            }
        }
        assertEquals(List.of(), drifted, "the chart's CRDs drifted from the API classes; run scripts/refresh-crds.sh");
    }
}
