package com.kubedc.net.faults;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds the controllers' Lease under a foreign identity, renewed every 2 s as a live leader would,
 * so that no replica may lead while it is held; {@link #giveBack()} deletes it.
 */
final class LeaseThief implements AutoCloseable {
    static final String HOLDER = "lease-thief";
    private final KubernetesClient client;
    private final ScheduledExecutorService renewer =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "lease-thief"));

    LeaseThief(KubernetesClient client) {
        this.client = client;
    }

    /** Takes the Lease from its holder now and keeps it until {@link #giveBack()}. */
    void take() {
        hold();
        renewer.scheduleWithFixedDelay(this::hold, 2, 2, TimeUnit.SECONDS);
    }

    /** Writes this holder and a fresh renew time; a concurrent renewal by the old holder (409) is retried. */
    private void hold() {
        for (int attempt = 0; attempt < 20; attempt++) {
            Lease lease = client.leases()
                    .inNamespace(FaultWorld.LEASE_NAMESPACE)
                    .withName(FaultWorld.LEASE)
                    .get();
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            var spec = lease.getSpec();
            if (!HOLDER.equals(spec.getHolderIdentity())) {
                spec.setHolderIdentity(HOLDER);
                spec.setAcquireTime(now);
                spec.setLeaseTransitions(spec.getLeaseTransitions() == null ? 1 : spec.getLeaseTransitions() + 1);
            }
            spec.setRenewTime(now);
            spec.setLeaseDurationSeconds(15);
            try {
                client.resource(lease).update();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("could not write the Lease in 20 attempts");
    }

    /** Stops renewing and deletes the Lease: the next replica to try takes it. */
    void giveBack() throws InterruptedException {
        renewer.shutdownNow();
        renewer.awaitTermination(10, TimeUnit.SECONDS);
        client.leases()
                .inNamespace(FaultWorld.LEASE_NAMESPACE)
                .withName(FaultWorld.LEASE)
                .delete();
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
