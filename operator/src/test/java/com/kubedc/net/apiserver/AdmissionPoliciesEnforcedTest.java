package com.kubedc.net.apiserver;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.support.Chart;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.SharedApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The chart's ValidatingAdmissionPolicies, installed from its templates, enforced by the API server.
 * Their bindings are narrowed to this test's namespaces (the server is shared by the whole suite).
 */
@Tag("server")
class AdmissionPoliciesEnforcedTest {
    static final String ORG = "vap-org";
    static final String PROJECT_NS = "vap-org-web";
    static KubernetesClient client;
    static List<HasMetadata> installed;

    @BeforeAll
    static void install() {
        client = SharedApiServer.get().client("kube-dc-net-test-admission");
        client.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(ORG)
                        .endMetadata()
                        .build())
                .serverSideApply();
        client.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(PROJECT_NS)
                        .addToLabels("kube-dc.com/project", "")
                        .endMetadata()
                        .build())
                .serverSideApply();
        installed =
                Chart.ofKind(Chart.render(Map.of()), "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding");
        assertEquals(6, installed.size(), "three policies and their bindings with the chart's defaults");
        client.resource(new io.fabric8.kubernetes.api.model.rbac.RoleBuilder()
                        .withNewMetadata()
                        .withName("project-editor")
                        .withNamespace(ORG)
                        .endMetadata()
                        .addNewRule()
                        .withApiGroups("kube-dc.com")
                        .withResources("projects")
                        .withVerbs("get", "create", "update", "patch")
                        .endRule()
                        .build())
                .serverSideApply();
        client.resource(new io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder()
                        .withNewMetadata()
                        .withName("alice")
                        .withNamespace(ORG)
                        .endMetadata()
                        .withNewRoleRef("rbac.authorization.k8s.io", "Role", "project-editor")
                        .addNewSubject()
                        .withKind("User")
                        .withApiGroup("rbac.authorization.k8s.io")
                        .withName("alice")
                        .endSubject()
                        .build())
                .serverSideApply();
        for (HasMetadata o : installed) {
            if (o instanceof ValidatingAdmissionPolicyBinding b) {
                b.getSpec()
                        .setMatchResources(
                                new io.fabric8.kubernetes.api.model.admissionregistration.v1.MatchResourcesBuilder()
                                        .withNewNamespaceSelector()
                                        .addNewMatchExpression()
                                        .withKey("kubernetes.io/metadata.name")
                                        .withOperator("In")
                                        .withValues(ORG, PROJECT_NS)
                                        .endMatchExpression()
                                        .endNamespaceSelector()
                                        .build());
            }
            client.resource(o).create();
        }
    }

    @AfterAll
    static void uninstall() {
        installed.forEach(o -> client.resource(o).delete());
        client.close();
    }

    /**
     * Retries the dry-run {@code write} (admission runs, nothing is stored) until the policy, which
     * the server compiles asynchronously after its creation, refuses it; returns the refusal.
     */
    static KubernetesClientException refused(Runnable write) {
        AtomicReference<KubernetesClientException> refusal = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    try {
                        write.run();
                        return false;
                    } catch (KubernetesClientException e) {
                        refusal.set(e);
                        return true;
                    }
                });
        return refusal.get();
    }

    @Test
    void aPublicProjectIsRefusedWhileTheGateIsOn() {
        var p = Fixtures.project(ORG, "pub", "10.0.0.0/24", "public");
        KubernetesClientException e = refused(() -> client.resource(p).dryRun().create());
        assertEquals(403, e.getCode(), e.getMessage());
        assertTrue(e.getMessage().contains("public projects are not allowed on this platform"), e.getMessage());
        client.resource(Fixtures.project(ORG, "cloud", "10.0.1.0/24", "cloud"))
                .dryRun()
                .create();
    }

    /** A client of the test's administrator acting as tenant user alice (impersonation). */
    static KubernetesClient asTenant() {
        var config = new io.fabric8.kubernetes.client.ConfigBuilder(
                        SharedApiServer.get().config("kube-dc-net-test-tenant"))
                .withImpersonateUsername("alice")
                .withImpersonateGroups("system:authenticated")
                .build();
        return new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                .withConfig(config)
                .build();
    }

    @Test
    void onlyThePlatformSetsAProjectsNetworkAnnotations() {
        String key = "network.kube-dc.com/egress-allowlist";
        var open = Fixtures.project(ORG, "open", "10.0.2.0/24", "cloud");
        open.getMetadata().setAnnotations(Map.of(key, "0.0.0.0/0"));
        try (KubernetesClient alice = asTenant()) {
            KubernetesClientException e =
                    refused(() -> alice.resource(open).dryRun().create());
            assertEquals(403, e.getCode(), e.getMessage());
            assertTrue(e.getMessage().contains("only the platform may set or change"), e.getMessage());
            var plain = Fixtures.project(ORG, "plain", "10.0.3.0/24", "cloud");
            plain.getMetadata().setAnnotations(Map.of("note", "a tenant's own annotation"));
            alice.resource(plain).dryRun().create();
        }
        client.resource(open).dryRun().create(); // the administrator (system:masters) is the platform
    }

    @Test
    void aServicesNetworkTypeCannotChangeOnceItHasAnAddress() {
        String key = "network.kube-dc.com/external-network-type";
        Service s = client.resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName("web")
                        .withNamespace(PROJECT_NS)
                        .addToAnnotations(key, "cloud")
                        .endMetadata()
                        .withNewSpec()
                        .withType("LoadBalancer")
                        .withLoadBalancerClass("example.com/not-ours") // no controller of the suite touches it
                        .addNewPort()
                        .withPort(80)
                        .withProtocol("TCP")
                        .endPort()
                        .endSpec()
                        .build())
                .create();
        s.setStatus(new io.fabric8.kubernetes.api.model.ServiceStatusBuilder()
                .withNewLoadBalancer()
                .withIngress(
                        new LoadBalancerIngressBuilder().withIp("100.65.0.9").build())
                .endLoadBalancer()
                .build());
        client.resource(s).updateStatus();
        KubernetesClientException e = refused(() -> {
            Service changed =
                    client.services().inNamespace(PROJECT_NS).withName("web").get();
            changed.getMetadata().getAnnotations().put(key, "public");
            client.resource(changed).dryRun().update();
        });
        assertEquals(403, e.getCode(), e.getMessage());
        assertTrue(e.getMessage().contains("cannot change once the Service has an external address"), e.getMessage());
        Service other =
                client.services().inNamespace(PROJECT_NS).withName("web").get();
        other.getMetadata().getAnnotations().put("note", "other edits stay allowed");
        client.resource(other).update();
    }
}
