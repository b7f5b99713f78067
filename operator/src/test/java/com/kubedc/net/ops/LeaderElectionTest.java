package com.kubedc.net.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Leader election as in production, on the real API server (JOSDK's lease permission check included): the lease is taken and renewed, each renewal seen by the lease watchdog; no System.exit on stop. */
@Tag("server")
@QuarkusTest
@TestProfile(LeaderElectionTest.WithLeaderElection.class)
class LeaderElectionTest {
    /** Turns leader election on for this test application. */
    public static class WithLeaderElection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.operator-sdk.activate-leader-election-for-profiles",
                    "test,prod",
                    "kube-dc.leader-election.lease-namespace",
                    "kube-dc");
        }
    }

    @Inject
    KubernetesClient client;

    @Inject
    Operator operator;

    @Inject
    LeaseRenewals renewals;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @Test
    void theControllerTakesAndRenewsItsLease() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> client.leases()
                                .inNamespace("kube-dc")
                                .withName("kube-dc-net-leader")
                                .get()
                        != null);
        Lease first = client.leases()
                .inNamespace("kube-dc")
                .withName("kube-dc-net-leader")
                .get();
        assertNotNull(first.getSpec().getHolderIdentity());
        // the elector renews through the client that carries LeaseRenewals: the watchdog sees each renewal
        await().atMost(Duration.ofSeconds(10)).until(() -> renewals.last().isPresent());
        long seen = renewals.last().getAsLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> renewals.last().getAsLong() > seen);
        double age = registry.get("kubedc.leader.lease.renewal.age").gauge().value();
        assertTrue(age >= 0 && age < LeaderElection.RENEW_DEADLINE.toSeconds(), "renewal age " + age + " s");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !first.getSpec()
                        .getRenewTime()
                        .equals(client.leases()
                                .inNamespace("kube-dc")
                                .withName("kube-dc-net-leader")
                                .get()
                                .getSpec()
                                .getRenewTime()));
        assertEquals(
                first.getSpec().getHolderIdentity(),
                client.leases()
                        .inNamespace("kube-dc")
                        .withName("kube-dc-net-leader")
                        .get()
                        .getSpec()
                        .getHolderIdentity());
        assertEquals(true, operator.getRuntimeInfo().isStarted());
    }
}
