package com.kubedc.net.api.v1;

import com.kubedc.net.api.PrinterColumnOrder;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Our three CRDs, generated from the API classes exactly as the build generates them. */
final class GeneratedCrds {
    private static Map<String, CustomResourceDefinition> crds;

    private GeneratedCrds() {}

    static synchronized CustomResourceDefinition get(String name) {
        if (crds == null) {
            crds = generate();
        }
        return crds.get(name);
    }

    private static Map<String, CustomResourceDefinition> generate() {
        try {
            Path dir = Files.createTempDirectory("crds");
            new CRDGenerator()
                    .inOutputDir(dir.toFile())
                    .forCRDVersions("v1")
                    .withPostProcessor(new PrinterColumnOrder())
                    .customResourceClasses(Project.class, EIp.class, FIp.class)
                    .generate();
            return Map.of(
                    "projects",
                    read(dir.resolve("projects.kube-dc.com-v1.yml")),
                    "eips",
                    read(dir.resolve("eips.kube-dc.com-v1.yml")),
                    "fips",
                    read(dir.resolve("fips.kube-dc.com-v1.yml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CustomResourceDefinition read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Serialization.unmarshal(in, CustomResourceDefinition.class);
        }
    }

    static JSONSchemaProps schema(String crd) {
        return get(crd).getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
    }

    /** The schema at a dotted property path, e.g. {@code spec.vmTarget}. */
    static JSONSchemaProps at(String crd, String path) {
        JSONSchemaProps s = schema(crd);
        for (String p : path.split("\\.")) {
            s = s.getProperties().get(p);
        }
        return s;
    }
}
