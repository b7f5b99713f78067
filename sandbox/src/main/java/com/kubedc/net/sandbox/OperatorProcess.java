package com.kubedc.net.sandbox;

import com.kubedc.net.testkit.LocalNb;
import com.kubedc.net.testkit.Repo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged operator ({@code operator/target/quarkus-app}, what the images ship) run as its own
 * JVM against the sandbox: its settings as {@code -D} options, its output on ours. Measured from
 * outside: RSS and threads from /proc, the live heap through {@code jcmd}, counters from its metrics.
 */
final class OperatorProcess implements AutoCloseable {
    /** The packaged operator; {@code -Dkube-dc.sandbox.operator-jar} runs another copy (the benchmark runs a copy, so that a build meanwhile does not change it). */
    static final Path JAR = Path.of(Settings.get(
            "kube-dc.sandbox.operator-jar",
            Repo.path("operator", "target", "quarkus-app", "quarkus-run.jar").toString()));

    private final ProcessBuilder command;
    private final List<String> baseCommand;
    private final int httpPort;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process process;
    private volatile long startedAt;
    private volatile java.time.LocalTime launchedAt;

    private OperatorProcess(ProcessBuilder command, int httpPort) throws IOException {
        this.command = command;
        this.baseCommand = List.copyOf(command.command());
        this.httpPort = httpPort;
        launch();
    }

    private void launch() throws IOException {
        startedAt = System.nanoTime();
        launchedAt = java.time.LocalTime.now();
        process = command.start();
    }

    /**
     * Stops the operator (as {@link #close}) and starts it again with the same settings and {@code jvmOptions}
     * added to (and after) the ones it was started with, its output appended to {@code log}.
     */
    void restart(Path log, List<String> jvmOptions) throws IOException {
        close();
        List<String> cmd = new ArrayList<>(baseCommand);
        // after the options it was started with (of an option given twice, the JVM takes the last), before -jar
        cmd.addAll(cmd.indexOf("-jar"), jvmOptions);
        command.command(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        launch();
    }

    /** The wall-clock time the running JVM was launched (to place its log lines). */
    java.time.LocalTime launchedAt() {
        return launchedAt;
    }

    /** Waits until ready (as {@link #awaitReady}, polling every 10 ms): the time since this process was started, -1 if it never was. */
    long millisToReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return (System.nanoTime() - startedAt) / 1_000_000;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        return -1;
    }

    /** Starts the operator with {@code settings} and the JVM options in {@code KUBE_DC_OPERATOR_JAVA_OPTS}; quiet: its output discarded. */
    static OperatorProcess start(Map<String, String> settings, boolean quiet) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build it with mvn package -DskipTests");
        }
        int port = Integer.parseInt(settings.getOrDefault("quarkus.http.port", "8080"));
        if (port == 0) {
            port = LocalNb.freePort();
        }
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String opts = System.getenv("KUBE_DC_OPERATOR_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            cmd.addAll(List.of(opts.trim().split("\\s+")));
        }
        settings.forEach((k, v) -> {
            if (!k.equals("quarkus.http.port")) {
                cmd.add("-D" + k + "=" + v);
            }
        });
        cmd.add("-Dquarkus.http.port=" + port);
        // run from the application's directory, as the image does: a class archive made there (-XX:SharedArchiveFile)
        // holds the class path as written there
        cmd.addAll(List.of("-jar", JAR.getFileName().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(JAR.toAbsolutePath().getParent().toFile());
        if (quiet) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        } else {
            pb.inheritIO();
        }
        return new OperatorProcess(pb, port);
    }

    int httpPort() {
        return httpPort;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits until {@code /q/health/ready} answers 200; false when the process ends or the time runs out first. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        return millisToReady(timeout) >= 0;
    }

    /**
     * The sum of a Prometheus metric's samples on the operator's endpoint: {@code name} matches {@code name} and
     * {@code name{...}}; {@code name{label="v"} (no closing brace) matches the samples whose labels start so.
     */
    double metric(String name) throws IOException, InterruptedException {
        double sum = 0;
        boolean labelPrefix = name.contains("{");
        for (String line : get("/q/metrics").body().split("\n")) {
            if (labelPrefix ? line.startsWith(name) : line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Resident set size of the operator's JVM. */
    long rssMb() throws IOException {
        return procStatus("VmRSS:") >> 10;
    }

    /**
     * CPU time the operator's JVM has used so far, all its threads, user and system ({@code utime + stime} of
     * /proc/PID/stat, in clock ticks of 10 ms).
     */
    long cpuMillis() throws IOException {
        return cpuMillisOf(Files.readString(Path.of("/proc", String.valueOf(pid()), "stat")));
    }

    /** {@code utime + stime} of a /proc stat line, in ms (clock ticks of 10 ms). */
    private static long cpuMillisOf(String stat) {
        // fields after the command name (which may hold spaces) in parentheses; utime and stime are fields 14 and 15
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    /**
     * CPU time (ms) of the operator's live threads by name, digits and trailing dashes dropped (so that the
     * threads of one pool add up); the name {@code (ended threads)} holds what threads no longer running used.
     */
    Map<String, Long> cpuMillisByThread() throws IOException {
        Map<String, Long> by = new java.util.TreeMap<>();
        long live = 0;
        for (String stat : threadStats()) {
            long ms = cpuMillisOf(stat);
            by.merge(group(stat), ms, Long::sum);
            live += ms;
        }
        by.put("(ended threads)", Math.max(0, cpuMillis() - live));
        return by;
    }

    /** The live threads by name group (digits dropped, as in {@link #cpuMillisByThread}): what the idle threads are. */
    Map<String, Integer> threadsByName() throws IOException {
        Map<String, Integer> by = new java.util.TreeMap<>();
        for (String stat : threadStats()) {
            by.merge(group(stat), 1, Integer::sum);
        }
        return by;
    }

    /** The {@code stat} lines of the operator's live threads (a thread gone since the listing is left out). */
    private List<String> threadStats() throws IOException {
        List<String> stats = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    stats.add(Files.readString(task.resolve("stat")));
                } catch (IOException ended) {
                    // gone since the listing
                }
            }
        }
        return stats;
    }

    /** A thread's name from its {@code stat} line (in parentheses; the kernel keeps 15 characters), numbers made {@code #}. */
    private static String group(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                .replaceAll("[0-9]+", "#")
                .replaceAll("[-#]+$", "");
    }

    long threads() throws IOException {
        return procStatus("Threads:");
    }

    /** The live heap: a full GC in the operator ({@code jcmd GC.run}), then the heap in use ({@code jcmd GC.heap_info}). */
    long heapAfterGcMb() throws IOException, InterruptedException {
        jcmd("GC.run");
        return heapUsedKb(jcmd("GC.heap_info")) >> 10;
    }

    /** The heap in use in a {@code GC.heap_info} report: G1's one line, or the sum of Serial's or Parallel's generations; not metaspace. */
    static long heapUsedKb(String heapInfo) {
        long sum = 0;
        Matcher m = Pattern.compile("(?m)^\\s*(\\S.*?)\\s+total \\d+K, used (\\d+)K")
                .matcher(heapInfo);
        while (m.find()) {
            if (m.group(1).contains("heap")
                    || m.group(1).contains("generation")
                    || m.group(1).contains("Gen")) {
                sum += Long.parseLong(m.group(2));
            }
        }
        return sum == 0 ? -1 : sum;
    }

    private long procStatus(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** Runs a diagnostic command in the operator's JVM and returns its output. */
    String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(pid()),
                        command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, then SIGKILL after 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
