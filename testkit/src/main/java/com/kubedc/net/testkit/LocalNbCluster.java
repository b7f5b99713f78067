package com.kubedc.net.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An OVN Northbound database clustered as production runs it: {@code size} {@code ovsdb-server}s
 * on loopback, one Raft cluster ({@code ovsdb-tool create-cluster} / {@code join-cluster}), each
 * member serving clients on its own port. Members are killed and restarted by their own process
 * handles. Needs Debian's {@code ovn-central} (and {@code ovs-appctl}).
 */
public final class LocalNbCluster implements AutoCloseable {
    public static final String DATABASE = "OVN_Northbound";
    private final Path dir;
    private final List<Member> members = new ArrayList<>();

    private static final class Member {
        final int index;
        final int clientPort;
        final int raftPort;
        Process process;

        Member(int index, int clientPort, int raftPort) {
            this.index = index;
            this.clientPort = clientPort;
            this.raftPort = raftPort;
        }
    }

    private LocalNbCluster(Path dir) {
        this.dir = dir;
    }

    /** Creates the cluster on member 0, joins the others to it and waits until all are members. */
    public static LocalNbCluster start(int size) {
        if (!Files.exists(LocalNb.NB_SCHEMA)) {
            throw new IllegalStateException(
                    LocalNb.NB_SCHEMA + " is missing: run ./scripts/prerequisites.sh (installs ovn-central)");
        }
        try {
            LocalNbCluster c = new LocalNbCluster(Files.createTempDirectory("kube-dc-net-nb-cluster"));
            for (int i = 0; i < size; i++) {
                c.members.add(new Member(i, Ports.free(), Ports.free()));
            }
            Member first = c.members.get(0);
            LocalNb.run(List.of(
                    LocalNb.tool("ovsdb-tool"),
                    "create-cluster",
                    c.db(first).toString(),
                    LocalNb.NB_SCHEMA.toString(),
                    c.raft(first)));
            for (Member m : c.members.subList(1, size)) {
                LocalNb.run(List.of(
                        LocalNb.tool("ovsdb-tool"),
                        "join-cluster",
                        c.db(m).toString(),
                        DATABASE,
                        c.raft(m),
                        c.raft(first)));
            }
            for (Member m : c.members) {
                c.launch(m);
            }
            for (Member m : c.members) {
                c.awaitMember(m.index);
            }
            return c;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the NB cluster", e);
        }
    }

    private Path db(Member m) {
        return dir.resolve("nb" + m.index + ".db");
    }

    private String raft(Member m) {
        return "tcp:127.0.0.1:" + m.raftPort;
    }

    private Path ctl(int i) {
        return dir.resolve("ctl" + i);
    }

    private void launch(Member m) throws IOException {
        m.process = new ProcessBuilder(
                        LocalNb.tool("ovsdb-server"),
                        db(m).toString(),
                        "--remote=ptcp:" + m.clientPort + ":127.0.0.1",
                        "--unixctl=" + ctl(m.index),
                        "--log-file=" + dir.resolve("log" + m.index),
                        "--no-chdir")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out" + m.index).toFile())
                .start();
        Ports.awaitListening(m.clientPort, m.process, dir.resolve("out" + m.index));
    }

    /** {@code tcp:127.0.0.1:<port>} of every member, comma-separated, as {@code kube-dc.ovn-db-ips} takes them. */
    public String endpoints() {
        return members.stream().map(m -> "tcp:127.0.0.1:" + m.clientPort).collect(Collectors.joining(","));
    }

    /** The member's view of the cluster ({@code ovs-appctl cluster/status}); empty when it is down. */
    public String status(int i) {
        Member m = members.get(i);
        if (m.process == null || !m.process.isAlive()) {
            return "";
        }
        try {
            return LocalNb.run(
                    List.of(LocalNb.tool("ovs-appctl"), "-t", ctl(i).toString(), "cluster/status", DATABASE));
        } catch (IllegalStateException e) {
            return "";
        }
    }

    /** The running member that is the cluster's leader, if one is elected. */
    public Optional<Integer> leader() {
        for (Member m : members) {
            if (status(m.index).lines().anyMatch(l -> l.trim().equals("Role: leader"))) {
                return Optional.of(m.index);
            }
        }
        return Optional.empty();
    }

    private void awaitMember(int i) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (status(i).lines().anyMatch(l -> l.trim().equals("Status: cluster member"))) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("member " + i + " did not join the cluster: " + status(i));
    }

    /** Kills member {@code i} (as a crash would); its database file stays. */
    public void kill(int i) {
        Member m = members.get(i);
        if (m.process != null && m.process.isAlive()) {
            m.process.destroyForcibly();
            try {
                m.process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts member {@code i} again with its database; returns once it is back in the cluster. */
    public void restart(int i) {
        kill(i);
        try {
            launch(members.get(i));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        awaitMember(i);
    }

    /** {@code ovn-nbctl} against the cluster (it finds the leader itself). Returns stdout. */
    public String nbctl(String... args) {
        List<String> cmd = new ArrayList<>(List.of(LocalNb.tool("ovn-nbctl"), "--db=" + endpoints(), "--timeout=20"));
        cmd.addAll(List.of(args));
        return LocalNb.run(cmd);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (Member m : members) {
            kill(m.index);
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
