package com.kubedc.net.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged controller (target/quarkus-app) as a separate JVM, killed with SIGKILL and started
 * again as a crashed pod would be. Each start logs to its own file in {@code work}.
 */
final class ControllerProcess implements AutoCloseable {
    static final Path QUARKUS_APP = Path.of("target", "quarkus-app");
    private final Map<String, String> env;
    private final Path work;
    private final int port;
    private final String name;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Path log;
    private int starts;

    ControllerProcess(Map<String, String> env, Path work, int port) {
        this(env, work, port, "controller");
    }

    /** {@code name}: the prefix of its log files, to tell replicas apart. */
    ControllerProcess(Map<String, String> env, Path work, int port, String name) {
        this.env = env;
        this.work = work;
        this.port = port;
        this.name = name;
    }

    synchronized void start() {
        if (!Files.isRegularFile(QUARKUS_APP.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(
                    "no " + QUARKUS_APP + "/quarkus-run.jar: run after `mvn package` (failsafe does)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        log = work.resolve(name + "-" + (++starts) + ".log");
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xmx384m", "-jar", "quarkus-run.jar")
                .directory(QUARKUS_APP.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hook, no finalizer or lease released. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the controller survived SIGKILL");
        }
    }

    /** The exit code once the process ended by itself within {@code wait}, else empty (it keeps running). */
    java.util.OptionalInt awaitExit(Duration wait) throws InterruptedException {
        Process p;
        synchronized (this) {
            p = process;
        }
        return p.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(p.exitValue())
                : java.util.OptionalInt.empty();
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process.pid();
    }

    int starts() {
        return starts;
    }

    /** HTTP status of {@code path} (e.g. /q/health/ready), or -1 when nothing answers. */
    int status(String path) {
        return get(path).map(HttpResponse::statusCode).orElse(-1);
    }

    String body(String path) {
        return get(path).map(HttpResponse::body).orElse("");
    }

    private java.util.Optional<HttpResponse<String>> get(String path) {
        try {
            return java.util.Optional.of(http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    boolean ready() {
        return status("/q/health/ready") == 200;
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
