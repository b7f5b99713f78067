package com.kubedc.net.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up: the operator stopped and started again {@code times} times against what the cluster
 * holds now; for each start, the time from launching the JVM to {@code /q/health/ready} answering
 * 200, the CPU time the JVM used until then (all threads: above the wall time, the start ran on both cores), the time Quarkus reports for its own start ("started in"), threads and RSS when ready and
 * after 65 s idle, and how fast the machine was ({@link MachineSpeed}: a fixed piece of work timed just
 * before the start, and the steal time during it). Its log goes to {@code target/bench-startup.log}. Not a test.
 */
final class StartupBenchmark {
    static final String HEADER =
            "| cluster holds | start | JVM launch → ready (ms) | CPU to ready (ms) | of which: launch → operator starting (ms) | Quarkus \"started in\" (ms) "
                    + "| threads at ready | threads idle (65 s) | RSS idle (MiB) | heap after full GC (MiB) "
                    + "| machine: calibration (ms) | machine: steal, launch → ready (ms) |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|---|";
    /**
     * Idle: past the 60 s keep-alive of the client's and the SDK's cached thread pools ({@code
     * -Dkube-dc.sandbox.benchmark-idle=SECONDS} or {@code KUBE_DC_SANDBOX_BENCHMARK_IDLE} shortens it, for quick
     * start-up experiments).
     */
    static final Duration IDLE = Duration.ofSeconds(Settings.number("kube-dc.sandbox.benchmark-idle", 65));

    private static final Pattern STARTED = Pattern.compile("started in (\\d+\\.\\d+)s");

    private StartupBenchmark() {}

    static String run(OperatorProcess operator, String holds, int times) throws Exception {
        Path log = Path.of("target", "bench-startup.log");
        Files.createDirectories(log.getParent());
        List<String> rows = new ArrayList<>();
        Map<String, Long> byThread = new HashMap<>();
        List<String> variants = variants();
        Map<String, Integer> idleThreads = Map.of();
        for (int i = 0; i < 5; i++) { // compiled before the first reading (one call left it falling from 211 to 137 ms)
            MachineSpeed.calibrationMillis();
        }
        for (int i = 1; i <= times; i++) {
            long before = Files.exists(log) ? Files.size(log) : 0;
            int v = (i - 1) % variants.size();
            String variant = variants.get(v);
            long calibration = MachineSpeed.calibrationMillis();
            long stealBefore = MachineSpeed.stealMillis();
            operator.restart(
                    log, variant.isBlank() ? List.of() : List.of(variant.trim().split("\\s+")));
            long ready = operator.millisToReady(Duration.ofMinutes(2));
            long cpuAtReady = operator.cpuMillis();
            long steal = MachineSpeed.stealMillis() - stealBefore;
            if (v == 0) { // the first variant's starts only
                operator.cpuMillisByThread().forEach((name, ms) -> byThread.merge(name, ms, Long::sum));
            }
            long threadsAtReady = operator.threads();
            Thread.sleep(IDLE.toMillis());
            long threadsIdle = operator.threads();
            idleThreads = operator.threadsByName();
            long rssIdle = operator.rssMb();
            rows.add(String.format(
                    "| %s | %d | %d | %d | %s | %s | %d | %d | %d | %d | %d | %d |",
                    variant.isBlank() ? holds : holds + ", with " + variant.trim(),
                    i,
                    ready,
                    cpuAtReady,
                    operatorStarting(log, before, operator.launchedAt()),
                    quarkusStarted(log, before),
                    threadsAtReady,
                    threadsIdle,
                    rssIdle,
                    operator.heapAfterGcMb(), // after the readings of the process: jcmd attaches a thread of its own
                    calibration,
                    steal));
        }
        return String.join("\n", rows) + "\n\n" + byThread(byThread, (times + variants.size() - 1) / variants.size())
                + "\n\n" + idle(idleThreads);
    }

    /** The threads alive after the idle wait of the last start, by name group: what makes up "threads idle". */
    private static String idle(Map<String, Integer> threads) {
        StringBuilder table =
                new StringBuilder("| threads idle, last start (name without numbers) | count |\n|---|---|");
        threads.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> table.append("\n| ")
                        .append(e.getKey())
                        .append(" | ")
                        .append(e.getValue())
                        .append(" |"));
        return table.toString();
    }

    /**
     * JVM options to compare, from {@code -Dkube-dc.sandbox.benchmark-startup-variants} (or {@code
     * KUBE_DC_SANDBOX_BENCHMARK_STARTUP_VARIANTS}): sets separated by {@code |}, used in turn (start
     * 1 the first, start 2 the second, ...; an empty set: the options as they are), so that each is measured on the
     * same cluster at nearly the same time. Unset: one empty set.
     */
    static List<String> variants() {
        String v = Settings.get("kube-dc.sandbox.benchmark-startup-variants", "");
        return v.isBlank() ? List.of("") : List.of(v.split("\\|", -1));
    }

    /** Where the CPU time to ready went (the starts of the first variant): the thread groups that used at least 20 ms on average, largest first. */
    private static String byThread(Map<String, Long> sums, int times) {
        StringBuilder table = new StringBuilder(
                "| threads (name without numbers) | CPU to ready, mean of " + times + " starts (ms) |\n|---|---|");
        sums.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() / times >= 20)
                .forEach(e -> table.append("\n| ")
                        .append(e.getKey())
                        .append(" | ")
                        .append(e.getValue() / times)
                        .append(" |"));
        return table.toString();
    }

    /** From launching the JVM to the operator SDK's "Starting operator." line (Quarkus booted, the controllers about to start). */
    private static String operatorStarting(Path log, long offset, java.time.LocalTime launched)
            throws java.io.IOException {
        Matcher m = Pattern.compile("(?m)^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*Starting operator")
                .matcher(since(log, offset));
        return m.find()
                ? String.valueOf(Duration.between(launched, java.time.LocalTime.parse(m.group(1)))
                        .toMillis())
                : "(not logged)";
    }

    private static String since(Path log, long offset) throws java.io.IOException {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(offset, all.length);
        return new String(all, from, all.length - from);
    }

    /** Quarkus' own "started in" figure from the part of the log written since {@code offset}. */
    private static String quarkusStarted(Path log, long offset) throws java.io.IOException {
        Matcher m = STARTED.matcher(since(log, offset));
        return m.find() ? String.valueOf(Math.round(Double.parseDouble(m.group(1)) * 1000)) : "(not logged)";
    }
}
