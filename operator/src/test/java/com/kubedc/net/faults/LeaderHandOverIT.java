package com.kubedc.net.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.common.Writer;
import com.kubedc.net.ops.LeadershipLoss;
import com.kubedc.net.support.Services;
import com.kubedc.net.testkit.AuditLog;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 5: two replicas of the packaged controller; the test takes the leader's Lease (a
 * foreign holder, renewed by the test, so no replica may lead meanwhile) and provokes work: a new
 * Project and a LoadBalancer Service. The old leader goes unready, stops and exits with the
 * lease-loss code, and from the moment it lost the lease neither replica writes to the API server
 * (audit log) or to OVN NB. Once the Lease is free the standby leads and converges the work; the old
 * leader, started again as the kubelet would, takes over in its turn and tears the work down.
 */
class LeaderHandOverIT {
    static final String ORG = "lead";

    @Test
    void aReplicaThatLosesItsLeaseWritesNothingMoreAndExitsAndTheStandbyConvergesWhatCameMeanwhile() throws Exception {
        FaultWorld world = FaultWorld.get();
        world.awaitControllerReady();
        ControllerProcess first = world.controller;
        try {
            Tenant base = new Tenant(world.client, ORG, "base", 64, 0);
            Tenant late = new Tenant(world.client, ORG, "late", 64, 1);
            base.createProject();
            await().atMost(Tenant.WAIT).pollInterval(Duration.ofMillis(300)).until(base::projectReady);
            String firstId = holder(world);
            assertNotNull(firstId, "the running controller leads");

            try (ControllerProcess second = world.replica("standby");
                    LeaseThief thief = new LeaseThief(world.client)) {
                second.start();
                FaultWorld.awaitReady(second);
                assertEquals(firstId, holder(world), "a standby that starts leaves the Lease to its leader");
                String nbBefore = nbSnapshot(world);
                int nbRowsBefore = Inventory.nbRows(world.nb()).size();

                thief.take();
                // the leader knows it lost: it says so in its readiness, or has gone already
                await().atMost(Duration.ofSeconds(30))
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(20))
                        .until(() ->
                                !first.alive() || first.body("/q/health/ready").contains("lost, exiting"));
                AuditLog audit = new AuditLog(world.api.auditLogPath()).fromNow();
                System.out.println("[leader-hand-over] the old leader "
                        + (first.alive() ? "is unready, still running" : "has exited already")
                        + " when the work is created");
                late.createProject();
                Service lb = Services.loadBalancer(base.ns(), "lb-meanwhile", new HashMap<>(), "http:80>8080");
                world.client.resource(lb).create();

                OptionalInt exit = first.awaitExit(Duration.ofSeconds(60));
                assertTrue(
                        exit.isPresent(), () -> "the old leader still runs after losing its lease:\n" + first.tail());
                assertEquals(
                        LeadershipLoss.EXIT_CODE,
                        exit.getAsInt(),
                        () -> "the old leader's exit code:\n" + first.tail());
                assertTrue(second.alive(), "the standby keeps running");
                List<String> writes = audit.next().stream()
                        .filter(e -> e.userAgent().startsWith(Writer.FIELD_MANAGER + "/"))
                        .map(e -> e.line() + " -> " + e.code())
                        .toList();
                assertEquals(List.of(), writes, "API writes by a controller while no replica holds the Lease");
                assertEquals(
                        nbBefore,
                        nbSnapshot(world),
                        "OVN NB load balancers and their attachments while no replica holds the Lease");
                assertNull(
                        world.client.namespaces().withName(late.ns()).get(),
                        "the Project made meanwhile is not reconciled");
                assertNull(ingress(world, base.ns(), "lb-meanwhile"), "the Service made meanwhile gets no address");
                assertTrue(
                        first.tail().contains("lost the leader lease"),
                        () -> "one line says why it exits:\n" + first.tail());

                thief.giveBack();
                String secondId = await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> holder(world), id -> id != null && !id.equals(LeaseThief.HOLDER));
                assertNotEquals(firstId, secondId, "the standby leads");
                await().atMost(Tenant.WAIT)
                        .pollInterval(Duration.ofMillis(300))
                        .until(() -> late.projectReady()
                                && ingress(world, base.ns(), "lb-meanwhile") != null
                                && Inventory.nbRows(world.nb()).size() == nbRowsBefore + 1);

                first.start(); // the kubelet restarts the container that exited
                world.awaitControllerReady();
                assertEquals(secondId, holder(world), "the restarted replica waits as a standby");
            }
            // the second replica is gone without releasing its Lease (SIGKILL): free it as its expiry would
            world.client
                    .leases()
                    .inNamespace(FaultWorld.LEASE_NAMESPACE)
                    .withName(FaultWorld.LEASE)
                    .delete();
            base.deleteProject();
            late.deleteProject();
            base.awaitGone();
            late.awaitGone();
            assertNotNull(holder(world), "the restarted replica leads and tore the work down");
        } finally {
            // whatever failed above, the fault tests after this one find their controller running and leading
            if (!first.alive()) {
                world.client
                        .leases()
                        .inNamespace(FaultWorld.LEASE_NAMESPACE)
                        .withName(FaultWorld.LEASE)
                        .delete();
                first.start();
                world.awaitControllerReady();
            }
        }
    }

    static String holder(FaultWorld world) {
        Lease lease = world.client
                .leases()
                .inNamespace(FaultWorld.LEASE_NAMESPACE)
                .withName(FaultWorld.LEASE)
                .get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }

    static String ingress(FaultWorld world, String ns, String name) {
        Service s = world.client.services().inNamespace(ns).withName(name).get();
        return s == null
                        || s.getStatus() == null
                        || s.getStatus().getLoadBalancer() == null
                        || s.getStatus().getLoadBalancer().getIngress() == null
                        || s.getStatus().getLoadBalancer().getIngress().isEmpty()
                ? null
                : s.getStatus().getLoadBalancer().getIngress().get(0).getIp();
    }

    /** Every Load_Balancer row whole, and which routers and switches they are attached to. */
    static String nbSnapshot(FaultWorld world) {
        String all = world.nb().nbctl("--format=csv", "list", "Load_Balancer")
                + world.nb().nbctl("--format=csv", "--columns=name,load_balancer", "list", "Logical_Router")
                + world.nb().nbctl("--format=csv", "--columns=name,load_balancer", "list", "Logical_Switch");
        return String.join("\n", all.lines().sorted().toList());
    }
}
