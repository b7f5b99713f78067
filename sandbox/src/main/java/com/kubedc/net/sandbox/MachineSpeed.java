package com.kubedc.net.sandbox;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * How fast this machine is at the moment of a measurement, so that start-up figures from different
 * hours can be told apart from the code's: the same code's CPU time to ready moved by a third within
 * minutes on a shared 2-core machine. Two readings: a fixed piece of work on one thread (its thread CPU
 * time: longer when the core runs slower, e.g. beside a busy neighbour) and the
 * machine's steal time (/proc/stat: time the hypervisor gave our cores to someone else). Not a test.
 */
final class MachineSpeed {
    private static final byte[] DATA = new byte[32 << 20];

    private MachineSpeed() {}

    /**
     * CPU time (ms) of the fixed work on this thread: SHA-256 of 32 MiB (a narrow unit of the core), then
     * sorting a million random longs and filling a map with 200 000 string keys (memory and branches,
     * as a JVM's start is); call it a few times first to have it compiled.
     */
    static long calibrationMillis() {
        var threads = ManagementFactory.getThreadMXBean();
        long t0 = threads.getCurrentThreadCpuTime();
        long check = 0;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int off = 0; off < DATA.length; off += 1 << 16) {
                sha.update(DATA, off, 1 << 16);
            }
            check += sha.digest()[0];
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        var random = new java.util.SplittableRandom(42);
        long[] numbers = random.longs(1_000_000).toArray();
        java.util.Arrays.sort(numbers);
        check += numbers[numbers.length / 2];
        var map = new java.util.HashMap<String, Integer>();
        for (int i = 0; i < 200_000; i++) {
            map.merge("key-" + random.nextInt(100_000), i, Integer::sum);
        }
        check += map.size();
        if (check == 0) { // keeps the work from being optimised away
            throw new IllegalStateException("calibration");
        }
        return (threads.getCurrentThreadCpuTime() - t0) / 1_000_000;
    }

    /** Steal time of all cores so far (ms), from the first line of /proc/stat; -1 where there is none. */
    static long stealMillis() {
        try {
            return stealMillisOf(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The 8th number of the {@code cpu} line (user nice system idle iowait irq softirq steal), clock ticks of 10 ms. */
    static long stealMillisOf(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        return Long.parseLong(f[8]) * 10;
    }
}
