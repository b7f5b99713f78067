package com.kubedc.net.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.Services;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.HashMap;
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
 * Issue 10, item 5 (teardown under churn): a Project is deleted while a thread keeps creating and
 * deleting Services (load balancers, half of them with an HTTPS route on a hostname of their own),
 * FIps and EIps in it (seeded: {@code -Dfaults.seed}); nothing is left behind: Kubernetes objects,
 * our OVN NB rows, Gateway listeners.
 */
class TeardownUnderChurnIT {
    static final int SLOTS = 4;

    @Test
    void aProjectDeletedWhileItsServicesFipsAndEipsComeAndGoLeavesNothingBehind() throws Exception {
        FaultWorld world = FaultWorld.get();
        long seed = Long.getLong("faults.seed", System.currentTimeMillis());
        System.out.println("[teardown-churn] seed " + seed + " (rerun with -Dfaults.seed=" + seed + ")");
        Tenant.organization(world.client, "churn");
        Map<String, Integer> baseline = ApiServerRestartIT.settledCounts(world);
        Tenant t = new Tenant(world.client, "churn", "p", 64, 0);
        t.createAndConverge();

        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean deleting = new AtomicBoolean();
        AtomicInteger ops = new AtomicInteger();
        AtomicInteger opsWhileDeleting = new AtomicInteger();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> churn = pool.submit(() -> {
            Random random = new Random(seed);
            while (!stop.get()) {
                int slot = random.nextInt(SLOTS);
                HasMetadata o = switch (random.nextInt(3)) {
                    case 0 -> service(t, slot);
                    case 1 -> Fixtures.fip(t.ns(), "fx" + slot, null, "10.64.0." + (20 + slot));
                    default -> Fixtures.eip(t.ns(), "ex" + slot);
                };
                try {
                    if (world.client.resource(o).get() == null) {
                        world.client.resource(o).create();
                    } else {
                        world.client.resource(o).delete();
                    }
                    ops.incrementAndGet();
                    if (deleting.get()) {
                        opsWhileDeleting.incrementAndGet();
                    }
                } catch (KubernetesClientException e) {
                    // 403 once the namespace terminates, 404/409 when racing the teardown: a tenant sees those too
                }
                Thread.sleep(random.nextInt(150));
            }
            return null;
        });
        Thread.sleep(3000);
        deleting.set(true);
        t.deleteProject();
        try {
            t.awaitGone();
        } finally {
            stop.set(true);
            churn.get();
            pool.shutdownNow();
        }
        System.out.println("[teardown-churn] " + ops.get() + " creates/deletes, " + opsWhileDeleting.get()
                + " of them after the Project's deletion");
        assertTrue(opsWhileDeleting.get() > 0, "the churn never overlapped the teardown");
        try {
            await().atMost(Tenant.WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> Inventory.diff(baseline, Inventory.counts(world.client, world.nb()))
                                    .isEmpty()
                            && Inventory.inDeletion(world.client).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the assertions say what is left
        }
        assertEquals(
                Map.of(),
                Inventory.diff(baseline, Inventory.counts(world.client, world.nb())),
                "counts per kind against the baseline");
        assertEquals(List.of(), Inventory.inDeletion(world.client), "objects stuck in deletion");
    }

    /** A LoadBalancer Service; odd slots are also exposed by an HTTPS route (a Certificate, a listener of their own). */
    static io.fabric8.kubernetes.api.model.Service service(Tenant t, int slot) {
        Map<String, String> annotations = new HashMap<>();
        if (slot % 2 == 1) {
            annotations.put(Keys.EXPOSE_ROUTE, "https");
            annotations.put(Keys.ROUTE_HOSTNAME, "s" + slot + "-" + t.ns() + ".example.com");
        }
        return Services.loadBalancer(t.ns(), "s" + slot, annotations, "http:80>8080");
    }
}
