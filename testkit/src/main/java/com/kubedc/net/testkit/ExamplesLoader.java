package com.kubedc.net.testkit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Applies every YAML manifest of a folder, in file-name order: create, or leave what exists (no server-side apply). */
public final class ExamplesLoader {
    private ExamplesLoader() {}

    /** Returns {@code kind/namespace/name} of each object created. */
    public static List<String> apply(KubernetesClient client, Path dir) {
        List<String> created = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return created;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    for (HasMetadata o : client.load(in).items()) {
                        if (create(client, o)) {
                            created.add(o.getKind() + "/"
                                    + (o.getMetadata().getNamespace() == null
                                            ? ""
                                            : o.getMetadata().getNamespace() + "/")
                                    + o.getMetadata().getName());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return created;
    }

    static boolean create(KubernetesClient client, HasMetadata o) {
        return create(client, o, true);
    }

    /** {@code awaitNamespace}: on a 404 wait for the object's namespace and try once more (it may appear meanwhile). */
    private static boolean create(KubernetesClient client, HasMetadata o, boolean awaitNamespace) {
        try {
            client.resource(o).create();
            return true;
        } catch (KubernetesClientException e) {
            String ns = o.getMetadata().getNamespace();
            if (e.getCode() == 404 && ns != null && awaitNamespace) {
                awaitNamespace(client, ns);
                return create(client, o, false);
            }
            if (e.getCode() == 409) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Waits up to a minute for {@code namespace}: a project's namespace appears only once the
     * controller has handled its Project, and a real API server refuses objects in a missing one.
     */
    static void awaitNamespace(KubernetesClient client, String namespace) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (client.namespaces().withName(namespace).get() == null) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("namespace " + namespace + " did not appear within a minute");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for namespace " + namespace, e);
            }
        }
    }
}
