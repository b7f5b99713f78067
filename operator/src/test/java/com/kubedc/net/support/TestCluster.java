package com.kubedc.net.support;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.testkit.ApiServer;
import com.kubedc.net.testkit.AuditLog;
import com.kubedc.net.testkit.GatewayEmulator;
import com.kubedc.net.testkit.KubeOvnEmulator;
import com.kubedc.net.testkit.SeedGateway;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * The test JVM's cluster: the shared real API server, the test's own client (told apart from the
 * controller by its user agent), the Kube-OVN and Gateway emulators, the seed's external networks
 * and shared Gateway. Every Quarkus test application's controller talks to it.
 */
@QuarkusTestResource(RealApiServerResource.class)
public final class TestCluster implements AutoCloseable {
    private static final String KEY = "kube-dc-net.test.cluster";
    private static TestCluster current;
    /** {@code kube-dc.base-domain} of the test profile. */
    public static final String BASE_DOMAIN = "kube-dc.test";

    public final KubernetesClient client;
    public final KubeOvnEmulator emulator;
    public final GatewayEmulator gateway;
    public final ApiRecorder recorder;
    public final ApiServer.Endpoint server;
    private String attachedNb; // the NB endpoints the emulator makes routers and switches in

    private TestCluster(ApiServer.Endpoint server) {
        this.server = server;
        this.client = server.client(ApiRecorder.TEST_USER_AGENT);
        this.emulator = new KubeOvnEmulator(server.client(ApiRecorder.EMULATOR_USER_AGENT));
        this.recorder = new ApiRecorder(new AuditLog(java.nio.file.Path.of(server.auditLog())));
        for (Subnet s : List.of(Fixtures.extCloud(), Fixtures.suiteExtPublic())) {
            if (client.resource(s).get() == null) {
                client.resource(s).create();
            }
        }
        emulator.start();
        gateway = new GatewayEmulator(server.client(ApiRecorder.EMULATOR_USER_AGENT));
        if (client.namespaces().withName(SeedGateway.NAMESPACE).get() == null) {
            client.resource(SeedGateway.namespace()).create();
        }
        var seed = SeedGateway.gateway(BASE_DOMAIN);
        if (client.resource(seed).get() == null) { // the chart's RBAC may have made its namespace already
            client.resource(seed).create();
        }
        gateway.start();
    }

    /**
     * The cluster, created on first use; the Kube-OVN emulator makes routers and switches in the
     * OVN NB of the running test application, if it has one.
     */
    public static synchronized TestCluster get() {
        if (current == null) {
            // each test application loads this class again: the previous application's emulators must stop
            synchronized (System.getProperties()) {
                if (System.getProperties().get(KEY) instanceof AutoCloseable previous) {
                    try {
                        previous.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                current = new TestCluster(SharedApiServer.get());
                System.getProperties().put(KEY, current);
            }
        }
        String nb = NbTestResource.server() != null
                ? NbTestResource.server().endpoint()
                : NbClusterTestResource.cluster() != null
                        ? NbClusterTestResource.cluster().endpoints()
                        : null;
        if (!java.util.Objects.equals(nb, current.attachedNb)) {
            current.emulator.attachNb(nb);
            current.attachedNb = nb;
        }
        return current;
    }

    /**
     * Stops the emulators and closes the clients of the running application's cluster, if it made
     * one. Their clients run on the application's Vert.x: left running past the application, their
     * informers' watches fail and log ERRORs ("event executor terminated") until the next
     * application replaces them.
     */
    static synchronized void closeCurrent() {
        if (current == null) {
            return;
        }
        synchronized (System.getProperties()) {
            if (System.getProperties().get(KEY) == current) {
                System.getProperties().remove(KEY);
            }
        }
        current.close();
        current = null;
    }

    /** A client of the cluster with {@code agent}. */
    public KubernetesClient clientWithAgent(String agent) {
        return server.client(agent);
    }

    public void organization(String org) {
        if (client.namespaces().withName(org).get() == null) {
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(org)
                            .endMetadata()
                            .build())
                    .create();
        }
    }

    /** A namespace labelled as the Project reconciler labels a project's, without a Project (the Service controllers only look at the label). */
    public void projectNamespace(String ns) {
        if (client.namespaces().withName(ns).get() == null) {
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(ns)
                            .withLabels(java.util.Map.of(com.kubedc.net.vocabulary.Keys.PROJECT, ""))
                            .endMetadata()
                            .build())
                    .create();
        }
    }

    public Project create(Project p) {
        organization(p.getMetadata().getNamespace());
        p.getMetadata().setUid(null);
        return client.resource(p).create();
    }

    public Project get(String org, String name) {
        return client.resources(Project.class).inNamespace(org).withName(name).get();
    }

    /** Waits until the Project reports ready and returns it. */
    public Project awaitReady(String organization, String name) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                Project p = get(organization, name);
                return p != null && p.getStatus() != null && p.getStatus().isReady();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Project p = get(organization, name);
            throw new AssertionError(
                    "Project " + organization + "/" + name + " not ready: "
                            + (p == null
                                    ? "gone"
                                    : io.fabric8.kubernetes.client.utils.Serialization.asJson(p.getStatus())),
                    e);
        }
        return get(organization, name);
    }

    /** A cloud Project {@code org/name} with {@code cidr}, created unless it exists, Ready; returns its namespace. */
    public String readyProject(String org, String name, String cidr) {
        if (get(org, name) == null) {
            create(Fixtures.project(org, name, cidr, "cloud"));
        }
        awaitReady(org, name);
        return org + "-" + name;
    }

    /**
     * The controller's events about {@code involvedName}: those the API server writes itself are left out
     * (its ClusterIP repair loop warned {@code ClusterIPNotAllocated} about a Service just created, in a
     * fresh-clone run, and a test asserting "no Warning" failed on it).
     */
    public List<Event> events(String namespace, String involvedName) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> involvedName.equals(e.getInvolvedObject().getName()))
                .filter(e -> e.getSource() != null
                        && com.kubedc.net.common.Events.COMPONENT.equals(
                                e.getSource().getComponent()))
                .toList();
    }

    /** Waits until the controller has written nothing for 1.5 s: converged, whatever was still in flight. */
    public void awaitQuiet() {
        List<String> last = new java.util.ArrayList<>();
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(1500))
                    .until(() -> {
                        last.clear();
                        last.addAll(recorder.controllerWrites());
                        return last.isEmpty();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the controller keeps writing: " + last.subList(0, Math.min(20, last.size())), e);
        }
    }

    @Override
    public void close() {
        emulator.close();
        gateway.close();
        client.close();
    }
}
