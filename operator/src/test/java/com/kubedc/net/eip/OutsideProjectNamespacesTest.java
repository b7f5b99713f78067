package com.kubedc.net.eip;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.common.ProjectNamespaces;
import com.kubedc.net.common.Refusals;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.OvnFip;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * New addresses only in project namespaces: an EIp or FIp elsewhere is told why (a condition and
 * one Warning event, counted once) and nothing is created for it; what an object already holds is
 * kept; a namespace that becomes a project's takes its objects on.
 */
@Tag("server")
@QuarkusTest
class OutsideProjectNamespacesTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String REFUSED = ProjectNamespaces.NOT_A_PROJECT_NAMESPACE;

    TestCluster cluster;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void cluster() {
        cluster = TestCluster.get();
    }

    @Test
    void
            anEIpOutsideProjectNamespacesPublicOrNotIsRefusedOnceGetsNoOvnEipAndIsTakenOnWhenTheNamespaceBecomesAProjects() {
        String ns = "plain-eip";
        cluster.organization(ns);
        double before = refusals(Refusals.EIP);
        EIp pub = Fixtures.eip(ns, "pub");
        pub.getSpec().setExternalNetworkType("public");
        cluster.client.resource(pub).create();
        cluster.client.resource(Fixtures.eip(ns, "one")).create();
        await().atMost(WAIT)
                .until(() -> REFUSED.equals(reason(eip(ns, "one"))) && REFUSED.equals(reason(eip(ns, "pub"))));
        cluster.awaitQuiet();

        for (String name : List.of("one", "pub")) {
            EIp e = eip(ns, name);
            assertNull(e.getStatus().getIpAddress(), name);
            assertTrue(
                    Conditions.find(e.getStatus().getConditions(), Conditions.READY)
                            .get()
                            .getMessage()
                            .contains("namespace " + ns),
                    name);
            assertEquals(List.of(REFUSED), warnings(ns, name), name);
        }
        assertEquals(List.of(), ownedIn(OvnEip.class, ns), "no OvnEip made");
        assertEquals(before + 2, refusals(Refusals.EIP));

        // reconciled again (a spec change): still refused, not told or counted twice
        EIp one = cluster.client
                .resources(EIp.class)
                .inNamespace(ns)
                .withName("one")
                .edit(e -> {
                    e.getSpec().setExternalNetworkType("cloud");
                    return e;
                });
        await().atMost(WAIT)
                .until(() -> one.getMetadata()
                        .getGeneration()
                        .equals(Conditions.find(eip(ns, "one").getStatus().getConditions(), Conditions.READY)
                                .get()
                                .getObservedGeneration()));
        cluster.awaitQuiet();
        assertEquals(List.of(REFUSED), warnings(ns, "one"));
        assertEquals(before + 2, refusals(Refusals.EIP));

        label(ns, true);
        await().atMost(WAIT).until(() -> eip(ns, "one").getStatus().isReady());
        await().atMost(WAIT).until(() -> !REFUSED.equals(reason(eip(ns, "pub"))));
        assertNotNull(eip(ns, "one").getStatus().getIpAddress());
    }

    @Test
    void anEIpHoldingAnAddressKeepsItWhenItsNamespaceStopsBeingAProjectsWhileANewOneThereIsRefused() {
        String ns = "unlabelled-eip";
        cluster.projectNamespace(ns);
        cluster.client.resource(Fixtures.eip(ns, "kept")).create();
        await().atMost(WAIT)
                .until(() -> eip(ns, "kept").getStatus() != null
                        && eip(ns, "kept").getStatus().isReady());
        String address = eip(ns, "kept").getStatus().getIpAddress();

        label(ns, false);
        cluster.client.resource(Fixtures.eip(ns, "new")).create();
        await().atMost(WAIT).until(() -> REFUSED.equals(reason(eip(ns, "new"))));
        cluster.awaitQuiet();

        EIp kept = eip(ns, "kept");
        assertTrue(kept.getStatus().isReady());
        assertEquals(address, kept.getStatus().getIpAddress());
        assertEquals(1, ownedIn(OvnEip.class, ns).size(), "the kept EIp's OvnEip only");
        assertEquals(List.of(), warnings(ns, "kept"));
    }

    @Test
    void anFIpOutsideProjectNamespacesIsRefusedOnceMakesNeitherEIpNorOvnFipAndIsTakenOnLater() {
        String ns = "plain-fip";
        cluster.organization(ns);
        double before = refusals(Refusals.FIP);
        cluster.client.resource(Fixtures.fip(ns, "f", null, "10.0.0.5")).create();
        await().atMost(WAIT).until(() -> REFUSED.equals(reason(fip(ns, "f"))));
        cluster.awaitQuiet();

        assertTrue(Conditions.find(fip(ns, "f").getStatus().getConditions(), Conditions.READY)
                .get()
                .getMessage()
                .contains("namespace " + ns));
        assertEquals(List.of(REFUSED), warnings(ns, "f"));
        assertEquals(
                List.of(),
                cluster.client.resources(EIp.class).inNamespace(ns).list().getItems(),
                "no EIp of its own");
        assertEquals(List.of(), ownedIn(OvnFip.class, ns), "no OvnFip");
        assertEquals(before + 1, refusals(Refusals.FIP));

        label(ns, true);
        await().atMost(WAIT)
                .until(() -> !REFUSED.equals(reason(fip(ns, "f")))
                        && cluster.client
                                        .resources(EIp.class)
                                        .inNamespace(ns)
                                        .withName("fip-f")
                                        .get()
                                != null);
    }

    @Test
    void aProjectTakingOverAnUnlabelledNamespaceGetsItsDefaultGatewayWithoutARefusal() {
        // the namespace exists first, annotated for the Project (as a migrated one may be) but not labelled yet
        cluster.organization("late");
        cluster.client
                .namespaces()
                .resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                        .withNewMetadata()
                        .withName("late-gw")
                        .withAnnotations(java.util.Map.of(
                                Keys.PROJECT, com.kubedc.net.vocabulary.Names.projectRef("late", "gw")))
                        .endMetadata()
                        .build())
                .create();
        cluster.readyProject("late", "gw", "10.52.0.0/24");
        cluster.awaitQuiet();
        assertTrue(eip("late-gw", "default-gw").getStatus().isReady());
        assertEquals(List.of(), warnings("late-gw", "default-gw"));
        // and the namespace is a project's now: a tenant's EIp there gets an address
        cluster.client.resource(Fixtures.eip("late-gw", "tenant")).create();
        try {
            await().atMost(WAIT)
                    .until(() -> eip("late-gw", "tenant").getStatus() != null
                            && eip("late-gw", "tenant").getStatus().isReady());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "labels "
                            + cluster.client
                                    .namespaces()
                                    .withName("late-gw")
                                    .get()
                                    .getMetadata()
                                    .getLabels() + ", EIp "
                            + eip("late-gw", "tenant").getStatus(),
                    e);
        }
    }

    void label(String ns, boolean project) {
        cluster.client.namespaces().withName(ns).edit(n -> {
            if (project) {
                n.getMetadata().getLabels().put(Keys.PROJECT, "");
            } else {
                n.getMetadata().getLabels().remove(Keys.PROJECT);
            }
            return n;
        });
    }

    double refusals(String kind) {
        var c = registry.find(Refusals.METRIC)
                .tags("kind", kind, "reason", REFUSED)
                .counter();
        return c == null ? 0 : c.count();
    }

    EIp eip(String ns, String name) {
        return cluster.client
                .resources(EIp.class)
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    FIp fip(String ns, String name) {
        return cluster.client
                .resources(FIp.class)
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    static String reason(EIp e) {
        return e == null || e.getStatus() == null
                ? null
                : Conditions.reason(e.getStatus().getConditions(), Conditions.READY);
    }

    static String reason(FIp f) {
        return f == null || f.getStatus() == null
                ? null
                : Conditions.reason(f.getStatus().getConditions(), Conditions.READY);
    }

    /** Cluster-scoped Kube-OVN objects our labels tie to namespace {@code ns}. */
    <T extends HasMetadata> List<String> ownedIn(Class<T> kind, String ns) {
        return cluster.client.resources(kind).withLabel(Keys.OWNER_NAMESPACE, ns).list().getItems().stream()
                .map(o -> o.getMetadata().getName())
                .toList();
    }

    /** Reasons of our Warning events about {@code name}. */
    List<String> warnings(String ns, String name) {
        return cluster.events(ns, name).stream()
                .filter(OutsideProjectNamespacesTest::ours)
                .filter(e -> "Warning".equals(e.getType()))
                .map(Event::getReason)
                .toList();
    }

    static boolean ours(Event e) {
        return "kube-dc-net".equals(e.getReportingComponent())
                || e.getSource() != null && "kube-dc-net".equals(e.getSource().getComponent());
    }
}
