package com.kubedc.net.support;

import com.kubedc.net.sandbox.LocalNb;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.sandbox.GatewayEmulator;
import com.kubedc.net.sandbox.KubeOvnEmulator;
import com.kubedc.net.sandbox.SeedGateway;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * One mock cluster per Quarkus test application: the test's own client (told apart from the
 * controller by its user agent), the Kube-OVN and Gateway emulators, the seed's external networks
 * and shared Gateway.
 */
public final class MockCluster {
    private static MockCluster current;
    /** {@code kube-dc.base-domain} of the test profile. */
    public static final String BASE_DOMAIN = "kube-dc.test";

    public final KubernetesClient client;
    public final KubeOvnEmulator emulator;
    public final GatewayEmulator gateway;
    public final ApiRecorder recorder;
    private final KubernetesServer server;

    private MockCluster(KubernetesServer server) {
        this.server = server;
        this.client = clientWithAgent(server, ApiRecorder.TEST_USER_AGENT);
        this.emulator = new KubeOvnEmulator(clientWithAgent(server, ApiRecorder.EMULATOR_USER_AGENT));
        this.recorder = new ApiRecorder(server.getKubernetesMockServer());
        for (Subnet s : List.of(Fixtures.extCloud(), Fixtures.extPublic())) {
            if (client.resource(s).get() == null) {
                client.resource(s).create();
            }
        }
        emulator.start();
        gateway = new GatewayEmulator(clientWithAgent(server, ApiRecorder.EMULATOR_USER_AGENT));
        if (client.namespaces().withName(SeedGateway.NAMESPACE).get() == null) {
            client.resource(SeedGateway.namespace()).create();
            client.resource(SeedGateway.gateway(BASE_DOMAIN)).create();
        }
        gateway.start();
        LocalNb nb = NbTestResource.server();
        if (nb != null) {
            emulator.attachNb(nb.endpoint());
        }
    }

    /** The cluster of the running test application, created on first use. */
    public static synchronized MockCluster of(KubernetesServer server) {
        if (current == null || current.server != server) {
            if (current != null) {
                current.emulator.close();
                current.gateway.close();
            }
            current = new MockCluster(server);
        }
        return current;
    }

    public static KubernetesClient clientWithAgent(KubernetesServer server, String agent) {
        return new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(server.getClient().getConfiguration()).withUserAgent(agent).build()).build();
    }

    public void organization(String org) {
        if (client.namespaces().withName(org).get() == null) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(org).endMetadata().build()).create();
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
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            Project p = get(organization, name);
            return p != null && p.getStatus() != null && p.getStatus().isReady();
        });
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

    public List<Event> events(String namespace, String involvedName) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> involvedName.equals(e.getInvolvedObject().getName())).toList();
    }

    /** Waits until the controller has written nothing for 1.5 s: converged, whatever was still in flight. */
    public void awaitQuiet() {
        List<String> last = new java.util.ArrayList<>();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1500)).until(() -> {
                last.clear();
                last.addAll(recorder.controllerWrites());
                return last.isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the controller keeps writing: " + last.subList(0, Math.min(20, last.size())), e);
        }
    }
}
