package com.kubedc.net.project;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bad input on the mock: the Project gets InputValid=False with the reason, exactly one Warning
 * event, and nothing is written for it (no namespace, no Kube-OVN object).
 */
@Tag("server")
@QuarkusTest
class ProjectBadInputTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    TestCluster cluster;

    @BeforeEach
    void cluster() {
        cluster = TestCluster.get();
    }

    /** Creates the Project, waits for the reason, then checks the event and that nothing was written for it. */
    void assertRejected(Project p, String reason) throws InterruptedException {
        String org = p.getMetadata().getNamespace();
        String name = p.getMetadata().getName();
        cluster.recorder.reset();
        cluster.create(p);
        awaitReason(org, name, reason);
        Thread.sleep(800); // a retry storm or a late write would show up here
        assertTouchedNothing(org, name);
        assertEquals(
                null,
                cluster.client
                        .resources(Subnet.class)
                        .withName(org + "-" + name + "-default")
                        .get(),
                "nothing created");
        assertOneWarning(org, name, reason);
    }

    void awaitReason(String org, String name, String reason) {
        await().atMost(WAIT).until(() -> {
            Project got = cluster.get(org, name);
            return got != null
                    && got.getStatus() != null
                    && reason.equals(Conditions.reason(got.getStatus().getConditions(), Reasons.INPUT_VALID));
        });
        Project got = cluster.get(org, name);
        assertEquals(false, got.getStatus().isReady());
        assertEquals(reason, Conditions.reason(got.getStatus().getConditions(), Conditions.READY));
    }

    void assertTouchedNothing(String org, String name) {
        String ns = org + "-" + name;
        List<String> forChildren = cluster.recorder.controllerWrites().stream()
                .filter(w -> w.contains(ns))
                .toList();
        assertEquals(List.of(), forChildren, "no object of the project may be written");
    }

    void assertOneWarning(String org, String name, String reason) {
        var warnings = cluster.events(org, name).stream()
                .filter(e -> "Warning".equals(e.getType()))
                .toList();
        assertEquals(1, warnings.size(), "exactly one Warning event: " + warnings);
        assertEquals(reason, warnings.get(0).getReason());
        assertTrue(!warnings.get(0).getMessage().isBlank());
    }

    @Test
    void malformedCidrBlock() throws Exception {
        assertRejected(Fixtures.project("bad", "malformed", "10.0.0/24", "cloud"), Reasons.INVALID_CIDR);
    }

    @Test
    void cidrBlockThatIsNotANetworkAddress() throws Exception {
        assertRejected(Fixtures.project("bad", "hostbits", "10.0.0.7/24", "cloud"), Reasons.INVALID_CIDR);
    }

    @Test
    void cidrBlockOverlappingAnExternalNetwork() throws Exception {
        assertRejected(Fixtures.project("bad", "overlap", "100.65.200.0/24", "cloud"), Reasons.CIDR_OVERLAPS_EXTERNAL);
    }

    @Test
    void egressTypeWithoutAnExternalNetworkOfThatType() throws Exception {
        setExternalLabel("ext-public", null);
        try {
            assertRejected(Fixtures.project("bad", "nopublic", "10.9.0.0/24", "public"), Reasons.NO_EXTERNAL_NETWORK);
        } finally {
            setExternalLabel("ext-public", "public");
        }
    }

    @Test
    void namespaceOwnedByAnotherProject() throws Exception {
        cluster.client
                .namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("bad-taken")
                        .withAnnotations(Map.of(Keys.PROJECT, "bad-x/taken"))
                        .endMetadata()
                        .build())
                .create();
        assertRejected(Fixtures.project("bad", "taken", "10.8.0.0/24", "cloud"), Reasons.NAMESPACE_CONFLICT);
        assertEquals(
                "bad-x/taken",
                cluster.client
                        .namespaces()
                        .withName("bad-taken")
                        .get()
                        .getMetadata()
                        .getAnnotations()
                        .get(Keys.PROJECT));
    }

    @Test
    void invalidAllowlistAnnotation() throws Exception {
        assertRejected(
                Fixtures.withAnnotation(
                        Fixtures.project("bad", "allow", "10.7.0.0/24", "cloud"),
                        Keys.EGRESS_ALLOWLIST,
                        "8.8.8.8,eight"),
                Reasons.INVALID_ALLOWLIST);
    }

    @Test
    void externalNetworkThatDisappearsAfterProvisioning() throws Exception {
        cluster.create(Fixtures.project("bad", "orphan", "10.6.0.0/24", "public"));
        cluster.awaitReady("bad", "orphan");
        Thread.sleep(500);
        cluster.recorder.reset();
        setExternalLabel("ext-public", null);
        try {
            awaitReason("bad", "orphan", Reasons.EXTERNAL_NETWORK_GONE);
            Thread.sleep(800);
            assertTouchedNothing("bad", "orphan");
            assertOneWarning("bad", "orphan", Reasons.EXTERNAL_NETWORK_GONE);
        } finally {
            setExternalLabel("ext-public", "public");
        }
        await().atMost(WAIT)
                .until(() -> cluster.get("bad", "orphan").getStatus().isReady());
    }

    void setExternalLabel(String subnet, String type) {
        cluster.client.resources(Subnet.class).withName(subnet).edit(s -> {
            if (type == null) {
                s.getMetadata().getLabels().remove(Keys.EXTERNAL_NETWORK_TYPE);
            } else {
                s.getMetadata().getLabels().put(Keys.EXTERNAL_NETWORK_TYPE, type);
            }
            return s;
        });
    }
}
