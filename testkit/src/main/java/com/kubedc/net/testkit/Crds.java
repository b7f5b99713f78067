package com.kubedc.net.testkit;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Installs CRDs into a real API server: ours from the Helm chart's files (what users install) and
 * the third-party kinds we read or write from testkit/crds/ (minimal schemas, real names).
 */
public final class Crds {
    public static final Path CHART = Repo.path("helm", "kube-dc-net", "files", "crds");
    public static final Path THIRD_PARTY = Repo.path("testkit", "crds");

    private Crds() {}

    /** The CRDs in the YAML files of {@code dirs}, in file-name order. */
    public static List<CustomResourceDefinition> read(Path... dirs) {
        List<CustomResourceDefinition> out = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p ->
                                p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                        .sorted()
                        .toList()) {
                    try (InputStream in = Files.newInputStream(f)) {
                        out.add(Serialization.unmarshal(in, CustomResourceDefinition.class));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read CRDs of " + dir.toAbsolutePath(), e);
            }
        }
        return out;
    }

    /** Creates or replaces each CRD, then waits until all are established (served). */
    public static void install(KubernetesClient client, List<CustomResourceDefinition> crds) {
        for (CustomResourceDefinition crd : crds) {
            crd.getMetadata().setResourceVersion(null);
            client.resource(crd).forceConflicts().serverSideApply();
        }
        for (CustomResourceDefinition crd : crds) {
            client.resource(crd)
                    .waitUntilCondition(
                            c -> c != null
                                    && c.getStatus() != null
                                    // a status the server has begun but not yet Established holds no conditions
                                    && c.getStatus().getConditions() != null
                                    && c.getStatus().getConditions().stream()
                                            .anyMatch(x ->
                                                    "Established".equals(x.getType()) && "True".equals(x.getStatus())),
                            30,
                            TimeUnit.SECONDS);
        }
    }

    /** Our CRDs from the chart and the third-party test CRDs. */
    public static void installAll(KubernetesClient client) {
        install(client, read(CHART, THIRD_PARTY));
    }
}
