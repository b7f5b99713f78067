package com.kubedc.net.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OVN Northbound {@code ovsdb-server} on a free loopback port, in a temporary folder: the
 * sandbox's NB, and what the OVSDB client and the load-balancer sync are tested against. Stopped
 * by its own process handle, never by name. Needs Debian's {@code ovn-central}
 * (scripts/prerequisites.sh installs it).
 */
public final class LocalNb implements AutoCloseable {
    public static final Path NB_SCHEMA = Path.of("/usr/share/ovn/ovn-nb.ovsschema");
    private final Path dir;
    private final int port;
    private Process process;

    private LocalNb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** True when this machine has what {@link #start()} needs. */
    public static boolean available() {
        return Files.exists(NB_SCHEMA)
                && !tool("ovsdb-server").equals("ovsdb-server")
                && !tool("ovsdb-tool").equals("ovsdb-tool");
    }

    /** The absolute path of {@code name} on PATH or in /usr/sbin (not on a non-root user's PATH); the bare name if not found. */
    static String tool(String name) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return name;
    }

    public static LocalNb start() {
        if (!Files.exists(NB_SCHEMA)) {
            throw new IllegalStateException(
                    NB_SCHEMA + " is missing: run ./scripts/prerequisites.sh (installs ovn-central)");
        }
        try {
            Path dir = Files.createTempDirectory("kube-dc-net-nb");
            run(List.of(tool("ovsdb-tool"), "create", dir.resolve("nb.db").toString(), NB_SCHEMA.toString()));
            LocalNb s = new LocalNb(dir, freePort());
            s.launch();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start ovsdb-server", e);
        }
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(
                        tool("ovsdb-server"),
                        dir.resolve("nb.db").toString(),
                        "--remote=ptcp:" + port + ":127.0.0.1",
                        "--unixctl=" + dir.resolve("ctl"),
                        "--log-file=" + dir.resolve("log"),
                        "--no-chdir")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out").toFile())
                .start();
        Ports.awaitListening(port, process, dir.resolve("out"));
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "tcp:127.0.0.1:" + port;
    }

    /** Kills the server (as a crash would); the database file stays. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts it again on the same port with the same database. */
    public void restart() {
        stop();
        try {
            launch();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts it again on the same port with a new, empty database (as an NB whose storage was lost). */
    public void restartEmpty() {
        stop();
        try {
            Files.deleteIfExists(dir.resolve("nb.db"));
            run(List.of(tool("ovsdb-tool"), "create", dir.resolve("nb.db").toString(), NB_SCHEMA.toString()));
            launch();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code transaction} (RFC 7047 params) into the database file while stopped, as a writer the client cannot see would. */
    public void transactWhileStopped(String transaction) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the server is running: use nbctl");
        }
        run(List.of(tool("ovsdb-tool"), "transact", dir.resolve("nb.db").toString(), transaction));
    }

    /** {@code ovn-nbctl} against this server: an independent reader and writer. Returns stdout. */
    public String nbctl(String... args) {
        List<String> cmd = new ArrayList<>(List.of(tool("ovn-nbctl"), "--db=" + endpoint(), "--timeout=10"));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + err);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(cmd.get(0) + " not runnable: run ./scripts/prerequisites.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() {
        return Ports.free();
    }

    @Override
    public void close() {
        stop();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
