package com.kubedc.net.chart;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The packaged application (target/quarkus-app) started as the chart's Deployment would start it:
 * its container's environment as installed (the JVM options in JAVA_OPTS, as the image's entrypoint
 * passes them, and the container's memory limit as the JVM's memory), the pod's user (1001), a read-only root filesystem and
 * an emptyDir-like tmpfs at /tmp (in a private mount namespace, {@code unshare --mount}), with the
 * ServiceAccount's token in a kubeconfig in place of the in-cluster one. {@code tmpVolume} false
 * leaves /tmp read-only too: the chart without its volume.
 */
final class ChartProcess {
    static final Path QUARKUS_APP = Path.of("target", "quarkus-app");

    private ChartProcess() {}

    /** The container's environment with field references resolved for a pod in {@code namespace}. */
    static Map<String, String> environment(Deployment d, String namespace) {
        Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar e : c.getEnv()) {
            if (e.getValueFrom() == null) {
                env.put(e.getName(), e.getValue() == null ? "" : e.getValue()); // the API server drops an empty value
            } else if (e.getValueFrom() != null
                    && "metadata.namespace"
                            .equals(e.getValueFrom().getFieldRef().getFieldPath())) {
                env.put(e.getName(), namespace);
            } else {
                throw new IllegalStateException("no emulation for env " + e.getName() + ": " + e.getValueFrom());
            }
        }
        // the container's memory limit, as the JVM would read it from its cgroup
        var limits = c.getResources() == null ? null : c.getResources().getLimits();
        if (limits != null && limits.get("memory") != null) {
            long bytes = io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(limits.get("memory"))
                    .longValue();
            env.merge("JAVA_OPTS_APPEND", "-XX:MaxRAM=" + bytes, (a, b) -> a + " " + b);
        }
        return env;
    }

    /** A world-readable copy of the application outside /tmp (the image's read-only /deployments). */
    static Path copyApplication() {
        try {
            Path dir = Files.createTempDirectory(Path.of("/var/tmp"), "kube-dc-net-app");
            try (Stream<Path> files = Files.walk(QUARKUS_APP)) {
                for (Path p : files.toList()) {
                    Path to = dir.resolve(QUARKUS_APP.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.toList()) {
                    Files.setPosixFilePermissions(
                            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Process start(Path app, Map<String, String> env, Path log, boolean tmpVolume) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String mounts = "mount -o remount,bind,ro / && "
                + (tmpVolume ? "mount -t tmpfs -o size=64m,mode=1777 tmpfs /tmp && " : "");
        ProcessBuilder pb = new ProcessBuilder(
                "unshare",
                "--mount",
                "--propagation",
                "private",
                "--",
                "sh",
                "-c",
                mounts
                        + "cd \"$APP\" && exec setpriv --reuid=1001 --regid=1001 --clear-groups \"$JAVA\" $JAVA_OPTS $JAVA_OPTS_APPEND -jar quarkus-run.jar");
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("APP", app.toString());
        pb.environment().put("JAVA", java);
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
        pb.environment().put("HOME", app.toString());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    /** True when this machine lets us make a private mount namespace (root, CAP_SYS_ADMIN). */
    static boolean mountNamespaces() {
        try {
            return new ProcessBuilder("unshare", "--mount", "--propagation", "private", "--", "true")
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
