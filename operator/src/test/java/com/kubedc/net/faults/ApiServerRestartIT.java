package com.kubedc.net.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.Project;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 10, item 2: the API server stopped and started again (etcd keeps the data) while the
 * packaged controller converges and while it tears down, and gone for 30 s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiServerRestartIT {
    static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    @Order(1)
    void anApiServerRestartDuringConvergenceAndDuringTeardownMakesNoDuplicateAndLeavesNothingBehind() throws Exception {
        FaultWorld world = FaultWorld.get();
        Tenant.organization(world.client, "apir");
        Map<String, Integer> empty = settledCounts(world);
        Tenant reference = new Tenant(world.client, "apir", "ref", 63, 0);
        reference.createAndConverge();
        Map<String, Integer> withReference = settledCounts(world);
        Map<String, Integer> expected = new TreeMap<>();
        withReference.forEach((k, v) -> expected.put(k, v + v - empty.get(k))); // one more tenant like the reference

        Tenant hit = new Tenant(world.client, "apir", "hit", 63, 1);
        hit.createProject();
        await().atMost(Tenant.WAIT).pollInterval(Duration.ofMillis(100)).until(() -> world.client.namespaces().withName(hit.ns()).get() != null);
        hit.createChildren();
        world.api.stopApiServer(); // the controller is converging the Project and its children
        Thread.sleep(5000);
        world.api.startApiServer();
        hit.awaitConverged();
        assertSettled(world, expected, "after a restart during convergence");

        hit.deleteProject();
        await().atMost(Tenant.WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            Project p = hit.project();
            return p == null || p.getMetadata().getDeletionTimestamp() != null;
        });
        world.api.stopApiServer(); // the controller is tearing the Project down
        Thread.sleep(5000);
        world.api.startApiServer();
        try {
            hit.awaitGone();
        } catch (AssertionError e) {
            world.threadDump("teardown-after-restart");
            throw e;
        }
        assertSettled(world, withReference, "after a restart during teardown");
        assertEquals(reference.addresses().values().stream().filter(a -> a != null).count(), 5L, "the reference tenant is untouched");

        reference.deleteProject();
        reference.awaitGone();
        assertSettled(world, empty, "after the reference tenant is deleted");
        assertTrue(world.controller.starts() >= 1);
    }

    @Test
    @Order(2)
    void thirtySecondsWithoutTheApiServerTheControllerStaysUpReportsNotReadyAndCatchesUp() throws Exception {
        FaultWorld world = FaultWorld.get();
        Tenant.organization(world.client, "apir");
        world.awaitControllerReady();
        Map<String, Integer> before = settledCounts(world);
        long pid = world.controller.pid();

        world.api.stopApiServer();
        long end = System.nanoTime() + OUTAGE.toNanos();
        boolean sawNotReady = false;
        String notReadyBody = null;
        int polls = 0;
        while (System.nanoTime() < end) {
            assertTrue(world.controller.alive(), () -> "the controller exited while the API server was down:\n" + world.controller.tail());
            assertEquals(200, world.controller.status("/q/health/live"), "liveness while the API server is down");
            int ready = world.controller.status("/q/health/ready");
            if (ready == 503 && !sawNotReady) {
                sawNotReady = true;
                notReadyBody = world.controller.body("/q/health/ready");
            }
            polls++;
            Thread.sleep(500);
        }
        world.api.startApiServer();
        System.out.println("[apiserver-outage] " + polls + " polls; readiness while down: " + notReadyBody);
        assertTrue(sawNotReady, "readiness never reported the API server's absence during " + OUTAGE.toSeconds() + " s");

        world.awaitControllerReady();
        assertEquals(pid, world.controller.pid(), "the same process serves after the outage");
        Tenant late = new Tenant(world.client, "apir", "late", 63, 2);
        late.createAndConverge();
        assertEquals(5L, late.addresses().values().stream().filter(a -> a != null).count(), "the tenant created after the outage converged");
        late.deleteProject();
        late.awaitGone();
        var lease = world.client.leases().inNamespace(FaultWorld.LEASE_NAMESPACE).withName(FaultWorld.LEASE).get();
        System.out.println("[apiserver-outage] lease after the outage: holder " + lease.getSpec().getHolderIdentity()
                + " renewed " + lease.getSpec().getRenewTime() + " (now " + java.time.Instant.now() + ")");
        assertSettled(world, before, "after the outage and the late tenant's deletion");
    }

    /** Counts once nothing is in deletion and two readings a second apart agree. */
    static Map<String, Integer> settledCounts(FaultWorld world) {
        Map<String, Integer>[] last = new Map[] {null};
        await().atMost(Tenant.WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, Integer> now = Inventory.counts(world.client, world.nb());
            boolean same = now.equals(last[0]) && Inventory.inDeletion(world.client).isEmpty();
            last[0] = now;
            return same;
        });
        return last[0];
    }

    static void assertSettled(FaultWorld world, Map<String, Integer> expected, String when) {
        try {
            await().atMost(Tenant.WAIT).pollInterval(Duration.ofMillis(500)).until(() ->
                    Inventory.diff(expected, Inventory.counts(world.client, world.nb())).isEmpty() && Inventory.inDeletion(world.client).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the assertions say what differs
        }
        assertEquals(Map.of(), Inventory.diff(expected, Inventory.counts(world.client, world.nb())), "counts per kind " + when);
        assertEquals(List.of(), Inventory.inDeletion(world.client), "objects stuck in deletion " + when);
    }
}
