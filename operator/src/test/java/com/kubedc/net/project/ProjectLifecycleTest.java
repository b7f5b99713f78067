package com.kubedc.net.project;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.thirdparty.cni.NetworkAttachmentDefinition;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.OvnSnatRule;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import com.kubedc.net.thirdparty.kubeovn.VpcDns;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A Project on the mock API server with the Kube-OVN emulator: create, converge, change, delete. */
@Tag("server")
@QuarkusTest
class ProjectLifecycleTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    TestCluster cluster;

    @BeforeEach
    void cluster() {
        cluster = TestCluster.get();
    }

    Project awaitReady(String org, String name) {
        return cluster.awaitReady(org, name);
    }

    <T extends io.fabric8.kubernetes.api.model.HasMetadata> T get(Class<T> type, String name) {
        return cluster.client.resources(type).withName(name).get();
    }

    @Test
    void aCloudProjectGetsEveryObjectWithExactNamesAndBecomesReady() {
        cluster.create(Fixtures.project("acme", "dev", "10.0.10.0/24", "cloud"));
        Project p = awaitReady("acme", "dev");
        assertEquals("acme-dev", p.getStatus().getNamespace());
        assertTrue(Conditions.isTrue(p.getStatus().getConditions(), Conditions.READY));
        assertTrue(p.getMetadata().getFinalizers().contains(Keys.PROJECT_FINALIZER));

        var ns = cluster.client.namespaces().withName("acme-dev").get();
        assertEquals("", ns.getMetadata().getLabels().get(Keys.PROJECT));
        assertEquals("acme/dev", ns.getMetadata().getAnnotations().get(Keys.PROJECT));
        Vpc vpc = get(Vpc.class, "acme-dev");
        assertEquals(List.of("acme-dev"), vpc.getSpec().namespaces());
        assertEquals("100.65.0.1", vpc.getSpec().staticRoutes().get(0).nextHopIP());
        assertTrue(vpc.getSpec().extraExternalSubnets() == null
                || vpc.getSpec().extraExternalSubnets().isEmpty());
        Subnet subnet = get(Subnet.class, "acme-dev-default");
        assertEquals("10.0.10.0/24", subnet.getSpec().cidrBlock());
        NetworkAttachmentDefinition nad = cluster.client
                .resources(NetworkAttachmentDefinition.class)
                .inNamespace("acme-dev")
                .withName("default")
                .get();
        assertTrue(nad.getSpec().config().contains("kube-ovn")
                && nad.getSpec().config().contains("acme-dev"));
        OvnEip gw = get(OvnEip.class, "acme-dev-ext-cloud");
        assertEquals("ext-cloud", gw.getSpec().externalSubnet());
        OvnSnatRule snat = get(OvnSnatRule.class, "acme-dev");
        assertEquals("acme-dev-ext-cloud", snat.getSpec().ovnEip());
        assertNotNull(get(VpcDns.class, "acme-dev"));

        EIp defaultGw = cluster.client
                .resources(EIp.class)
                .inNamespace("acme-dev")
                .withName("default-gw")
                .get();
        assertEquals("acme-dev-ext-cloud", defaultGw.getSpec().getChildRef());
        await().atMost(WAIT).until(() -> {
            EIp e = cluster.client
                    .resources(EIp.class)
                    .inNamespace("acme-dev")
                    .withName("default-gw")
                    .get();
            return e.getStatus() != null && e.getStatus().isReady();
        });
        defaultGw = cluster.client
                .resources(EIp.class)
                .inNamespace("acme-dev")
                .withName("default-gw")
                .get();
        assertEquals(
                get(OvnEip.class, "acme-dev-ext-cloud").getStatus().v4Ip(),
                defaultGw.getStatus().getIpAddress());
        assertTrue(defaultGw.getStatus().getIpAddress().startsWith("100.65."));
        assertEquals("acme-dev-ext-cloud", defaultGw.getStatus().getOvnEIpRef());
        assertEquals("Shared", defaultGw.getStatus().getOwnershipType());
        assertEquals("Snat", defaultGw.getStatus().getOwners().get(0).getType());
        // the gateway address is allowlisted at 29500 once the EIp reports it
        await().atMost(WAIT)
                .until(() -> get(Vpc.class, "acme-dev").getSpec().policyRoutes().stream()
                        .anyMatch(r -> r.priority() == 29500
                                && r.match()
                                        .equals("ip4.dst == "
                                                + cluster.client
                                                        .resources(EIp.class)
                                                        .inNamespace("acme-dev")
                                                        .withName("default-gw")
                                                        .get()
                                                        .getStatus()
                                                        .getIpAddress())));
    }

    @Test
    void aPublicProjectEgressesThroughExtPublicAttachedAsExtraExternalSubnet() {
        cluster.create(Fixtures.project("acme", "web", "10.0.20.0/24", "public"));
        awaitReady("acme", "web");
        Vpc vpc = get(Vpc.class, "acme-web");
        assertEquals(List.of("ext-public"), vpc.getSpec().extraExternalSubnets());
        assertEquals("168.119.17.49", vpc.getSpec().staticRoutes().get(0).nextHopIP());
        OvnEip gw = get(OvnEip.class, "acme-web-ext-public");
        assertTrue(gw.getStatus().v4Ip().startsWith("168.119.17."));
        assertEquals(
                "acme-web-ext-public",
                get(OvnSnatRule.class, "acme-web").getSpec().ovnEip());
    }

    /** A changed cidrBlock is not pushed to a live Subnet: see {@link ProjectCidrChangeTest}. */
    @Test
    void annotationChangesConverge() {
        cluster.create(Fixtures.project("beta", "app", "10.1.0.0/24", "cloud"));
        awaitReady("beta", "app");
        cluster.client
                .resources(Project.class)
                .inNamespace("beta")
                .withName("app")
                .edit(p -> {
                    p.getMetadata().getAnnotations().put(Keys.EGRESS_ALLOWLIST, "8.8.8.8,1.1.1.0/24");
                    return p;
                });
        await().atMost(WAIT).until(() -> {
            var routes = get(Vpc.class, "beta-app").getSpec().policyRoutes();
            return routes.stream().anyMatch(r -> r.match().equals("ip4.dst == 8.8.8.8"))
                    && routes.stream().anyMatch(r -> r.match().equals("ip4.dst == 1.1.1.0/24"));
        });
        awaitReady("beta", "app");
    }

    @Test
    void aSecondFullReconcileOfAConvergedProjectWritesNothing() throws Exception {
        cluster.create(Fixtures.project("gamma", "quiet", "10.2.0.0/24", "cloud"));
        awaitReady("gamma", "quiet");
        settle();
        cluster.recorder.reset();
        // any change to the Project triggers a full reconcile (not generation-aware)
        cluster.client
                .resources(Project.class)
                .inNamespace("gamma")
                .withName("quiet")
                .edit(p -> {
                    p.getMetadata().getAnnotations().put("example.com/touch", "1");
                    return p;
                });
        Thread.sleep(1500);
        assertEquals(List.of(), cluster.recorder.controllerWrites());
    }

    @Test
    void deletionRemovesEverythingInDecisionFourOrder() throws Exception {
        cluster.create(Fixtures.project("delta", "gone", "10.3.0.0/24", "cloud"));
        awaitReady("delta", "gone");
        settle();
        cluster.recorder.reset();
        cluster.client
                .resources(Project.class)
                .inNamespace("delta")
                .withName("gone")
                .delete();
        await().atMost(WAIT).until(() -> cluster.get("delta", "gone") == null);

        assertNull(get(OvnSnatRule.class, "delta-gone"));
        assertNull(get(OvnEip.class, "delta-gone-ext-cloud"));
        assertNull(cluster.client
                .resources(EIp.class)
                .inNamespace("delta-gone")
                .withName("default-gw")
                .get());
        assertNull(get(Subnet.class, "delta-gone-default"));
        assertNull(get(Vpc.class, "delta-gone"));
        assertNull(get(VpcDns.class, "delta-gone"));
        assertNull(cluster.client.namespaces().withName("delta-gone").get());

        List<String> deletes = new ArrayList<>();
        for (String w : cluster.recorder.controllerWrites()) {
            if (w.startsWith("DELETE ")) {
                String path = w.substring(7);
                deletes.add(path.substring(0, path.lastIndexOf('/')).replaceAll(".*/", "") + "/"
                        + path.substring(path.lastIndexOf('/') + 1));
            }
        }
        assertEquals(
                List.of(
                        "ovn-snat-rules/delta-gone",
                        "ovn-eips/delta-gone-ext-cloud",
                        "eips/default-gw",
                        "network-attachment-definitions/default",
                        "vpc-dnses/delta-gone",
                        "subnets/delta-gone-default",
                        "vpcs/delta-gone",
                        "namespaces/delta-gone"),
                deletes);
    }

    /** Let in-flight events (status echoes, emulator updates) drain. */
    static void settle() throws InterruptedException {
        Thread.sleep(1000);
    }
}
