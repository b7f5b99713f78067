package com.kubedc.net.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of this repository (examples, the chart, third-party CRDs), found from any module's working
 * directory: Maven runs each module's tests in the module's folder, the sandbox runs from the root.
 */
public final class Repo {
    private static Path root;

    private Repo() {}

    /** {@code first/more...} under the repository's root. */
    public static Path path(String first, String... more) {
        return root().resolve(Path.of(first, more));
    }

    /** The nearest folder at or above the working directory that holds {@code helm/kube-dc-net} and {@code examples}. */
    public static synchronized Path root() {
        if (root == null) {
            for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
                if (Files.isDirectory(d.resolve("helm/kube-dc-net")) && Files.isDirectory(d.resolve("examples"))) {
                    root = d;
                    return d;
                }
            }
            throw new IllegalStateException(
                    "not inside the kube-dc-net repository: " + Path.of("").toAbsolutePath());
        }
        return root;
    }
}
