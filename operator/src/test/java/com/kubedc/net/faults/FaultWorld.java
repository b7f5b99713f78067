package com.kubedc.net.faults;

import static org.awaitility.Awaitility.await;

import com.kubedc.net.testkit.ApiServer;
import com.kubedc.net.testkit.LocalNb;
import com.kubedc.net.testkit.Sandbox;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the fault tests share in the failsafe JVM: an API server of their own (etcd kept across
 * API-server restarts) with the Kube-OVN and Gateway emulators, a local OVN NB, and the packaged
 * controller as a separate process with leader election on, as in production.
 */
final class FaultWorld {
    static final String BASE_DOMAIN = "kube-dc.test";
    static final String LEASE_NAMESPACE = "kube-dc";
    static final String LEASE = "kube-dc-net-leader";
    private static FaultWorld current;

    final Sandbox sandbox;
    final ApiServer api;
    final KubernetesClient client;
    final ControllerProcess controller;
    final Path work;
    private final Map<String, String> env = new LinkedHashMap<>();

    private FaultWorld() throws IOException {
        work = Files.createTempDirectory("kube-dc-net-faults");
        sandbox = Sandbox.start(0, work.resolve("admin.kubeconfig"), false);
        api = (ApiServer) sandbox.backend();
        client = sandbox.client();
        sandbox.startNb();
        sandbox.seedGateway(BASE_DOMAIN);
        env.put("KUBECONFIG", sandbox.kubeconfig().toAbsolutePath().toString());
        env.put("KUBE_DC_OVN_DB_IPS", sandbox.nb().endpoint());
        env.put("KUBE_DC_BASE_DOMAIN", BASE_DOMAIN);
        env.put("KUBE_DC_ALLOW_PUBLIC_PROJECTS", "true");
        env.put("KUBE_DC_TEARDOWN_POLL_INTERVAL", "200ms");
        env.put("KUBE_DC_GATEWAY_SECRET_RECHECK", "2s");
        env.put("KUBE_DC_LEADER_ELECTION_LEASE_NAMESPACE", LEASE_NAMESPACE);
        env.put("KUBE_DC_LEADER_ELECTION_LEASE_NAME", LEASE);
        if (Boolean.getBoolean("faults.debug")) { // the operator SDK's event processing, for a post-mortem
            env.put("QUARKUS_LOG_CATEGORY__IO_JAVAOPERATORSDK_OPERATOR_PROCESSING_EVENT__LEVEL", "DEBUG");
        }
        controller = new ControllerProcess(env, work, LocalNb.freePort());
        controller.start();
        awaitControllerReady();
        System.out.println("[faults] controller logs and audit log in " + work);
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "fault-world-stop"));
    }

    static synchronized FaultWorld get() {
        if (current == null) {
            try {
                current = new FaultWorld();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return current;
    }

    LocalNb nb() {
        return sandbox.nb();
    }

    /** A second replica of the controller (same settings, its own port and logs), not started. */
    ControllerProcess replica(String name) {
        return new ControllerProcess(env, work, LocalNb.freePort(), name);
    }

    /** Waits until the running controller answers ready, failing at once if it exited. */
    void awaitControllerReady() {
        awaitReady(controller);
    }

    /** Waits until {@code replica} answers ready, failing at once if it exited. */
    static void awaitReady(ControllerProcess replica) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!replica.alive()) {
                        throw new AssertionError("the controller exited:\n" + replica.tail());
                    }
                    return replica.ready();
                });
    }

    /**
     * SIGKILL, then a new process. The dead leader's Lease is deleted first: it would otherwise
     * hold the new one back for the lease duration (15 s), which only tests lease expiry.
     */
    void crashAndRestart() throws InterruptedException {
        controller.kill();
        client.leases().inNamespace(LEASE_NAMESPACE).withName(LEASE).delete();
        controller.start();
    }

    /** The running controller's threads (jcmd Thread.print) into {@code work/<name>.threads}, for a failure's post-mortem. */
    void threadDump(String name) {
        try {
            new ProcessBuilder("jcmd", String.valueOf(controller.pid()), "Thread.print")
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve(name + ".threads").toFile())
                    .start()
                    .waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            System.out.println("[faults] controller threads in " + work.resolve(name + ".threads"));
        } catch (IOException | RuntimeException e) {
            System.out.println("[faults] no thread dump: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void close() {
        controller.close();
        try { // kept beside the controllers' logs for a post-mortem: the API server's folder goes with it
            Files.copy(
                    api.auditLogPath(), work.resolve("audit.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // no audit log to keep
        }
        sandbox.close();
    }
}
