package com.kubedc.net.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the etcd, kube-apiserver and (optional) kube-controller-manager binaries are: the folder
 * named by {@code testkit.apiserver.binaries} / {@code KUBE_DC_APISERVER_BINARIES}, else envtest's
 * {@code KUBEBUILDER_ASSETS}, else the newest complete folder scripts/build-apiserver.sh made.
 */
public record ApiServerBinaries(Path dir) {
    public Path etcd() {
        return dir.resolve("etcd");
    }

    public Path apiServer() {
        return dir.resolve("kube-apiserver");
    }

    /** The controller manager runs garbage collection and namespace deletion; absent in some envtest folders. */
    public Optional<Path> controllerManager() {
        Path p = dir.resolve("kube-controller-manager");
        return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }

    public static Optional<ApiServerBinaries> find() {
        String named = System.getProperty("testkit.apiserver.binaries", System.getenv("KUBE_DC_APISERVER_BINARIES"));
        if (named != null && !named.isBlank()) {
            return usable(Path.of(named));
        }
        String assets = System.getenv("KUBEBUILDER_ASSETS");
        if (assets != null && !assets.isBlank()) {
            return usable(Path.of(assets));
        }
        String root = System.getenv("KUBE_DC_BINARIES");
        Path cache = (root == null || root.isBlank()
                        ? Path.of(System.getProperty("user.home"), ".cache", "kube-dc-net")
                        : Path.of(root))
                .resolve("k8s");
        if (!Files.isDirectory(cache)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(cache)) {
            return dirs.filter(d -> !d.getFileName().toString().endsWith(".tmp"))
                    .sorted(Comparator.comparing((Path d) -> d.getFileName().toString())
                            .reversed())
                    .map(ApiServerBinaries::usable)
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<ApiServerBinaries> usable(Path dir) {
        return Files.isExecutable(dir.resolve("etcd")) && Files.isExecutable(dir.resolve("kube-apiserver"))
                ? Optional.of(new ApiServerBinaries(dir))
                : Optional.empty();
    }
}
