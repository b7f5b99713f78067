package com.kubedc.net.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 1 (crash anywhere): Projects with an EIp, an FIp, a LoadBalancer Service and an
 * HTTPS route go through create → converge → delete cycles, several in parallel, while the packaged
 * controller is killed with SIGKILL at random moments (seeded: {@code -Dfaults.seed}) and started
 * again. Afterwards every kind we create and our OVN NB rows are back to their baseline counts,
 * nothing is stuck in deletion, and a Project that lived through every crash kept its addresses.
 * Size: {@code -Dfaults.crash.workers} parallel Projects × {@code -Dfaults.crash.cycles} each.
 */
class CrashAnywhereIT {
    static final int WORKERS = Integer.getInteger("faults.crash.workers", 4);
    static final int CYCLES = Integer.getInteger("faults.crash.cycles", 2);

    @Test
    void projectsCycledWhileTheControllerIsKilledAtRandomLeaveNothingBehindAndMoveNoAddress() throws Exception {
        FaultWorld world = FaultWorld.get();
        long seed = Long.getLong("faults.seed", System.currentTimeMillis());
        System.out.println("[crash-anywhere] seed " + seed + " (rerun with -Dfaults.seed=" + seed + "), " + WORKERS
                + " workers x " + CYCLES + " cycles");
        long t0 = System.nanoTime();
        Tenant keep = new Tenant(world.client, "crash", "keep", 61, 0);
        keep.createAndConverge();
        Map<String, String> kept = keep.addresses();
        Map<String, Integer> baseline = ApiServerRestartIT.settledCounts(world);

        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger cycles = new AtomicInteger();
        List<String> kills = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            work.add(pool.submit(() -> {
                for (int i = 0; i < CYCLES; i++) {
                    Tenant t = new Tenant(world.client, "crash", "w" + worker + "c" + i, 62, worker);
                    t.createAndConverge();
                    t.deleteProject();
                    t.awaitGone();
                    cycles.incrementAndGet();
                }
                return null;
            }));
        }
        Future<?> killer = pool.submit(() -> {
            Random random = new Random(seed);
            while (!done.get()) {
                boolean afterReady = random.nextInt(5) != 0; // one kill in five lands while the controller starts
                int delay = random.nextInt(afterReady ? 4000 : 1500);
                if (afterReady) {
                    world.awaitControllerReady();
                }
                Thread.sleep(delay);
                if (done.get()) {
                    break;
                }
                world.crashAndRestart();
                kills.add((afterReady ? "ready+" : "start+") + delay + "ms@cycle" + cycles.get());
            }
            return null;
        });
        try {
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            done.set(true);
            killer.get();
            pool.shutdownNow();
        }
        world.awaitControllerReady();
        System.out.println(
                "[crash-anywhere] " + cycles.get() + " Project cycles, " + kills.size() + " SIGKILLs: " + kills);
        assertTrue(kills.size() >= 3, "too few crashes to mean anything: " + kills);

        try {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> Inventory.diff(baseline, Inventory.counts(world.client, world.nb()))
                                    .isEmpty()
                            && Inventory.inDeletion(world.client).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the assertions below say what is left
        }
        assertEquals(
                Map.of(),
                Inventory.diff(baseline, Inventory.counts(world.client, world.nb())),
                "counts per kind against the baseline");
        assertEquals(List.of(), Inventory.inDeletion(world.client), "objects stuck in deletion");
        assertTrue(keep.converged(), "the long-lived Project is still converged: " + keep.addresses());
        assertEquals(kept, keep.addresses(), "the long-lived Project's addresses");
        System.out.printf("[crash-anywhere] done in %.0f s, baseline %s%n", (System.nanoTime() - t0) / 1e9, baseline);
    }
}
