package com.kubedc.net.project;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.api.v1.ProjectStatus;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import com.kubedc.net.vocabulary.Conditions;
import io.fabric8.kubernetes.api.model.Event;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A Project whose network exists keeps its cidrBlock (Kube-OVN cannot re-address a live
 * subnet). The CRD has no rule against the change, so the API server takes it; the controller
 * then leaves every child as it is and says why on the Project only.
 */
@Tag("server")
@QuarkusTest
class ProjectCidrChangeTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    TestCluster cluster;

    @BeforeEach
    void cluster() {
        cluster = TestCluster.get();
    }

    @Test
    void aChangedCidrBlockIsRefusedWithTheNetworkKeptAndClearsWhenChangedBack() {
        String ns = cluster.readyProject("cidr", "live", "10.20.0.0/24");
        cluster.awaitQuiet();
        ProjectStatus before = cluster.get("cidr", "live").getStatus();
        Vpc vpcBefore = cluster.client.resources(Vpc.class).withName(ns).get();

        setCidr("10.20.8.0/22"); // accepted by the API server: no CEL rule on cidrBlock
        awaitInputValid(Reasons.CIDR_BLOCK_IMMUTABLE);

        // the status patch is the last write of a reconcile: a child written by it would be in the log now
        List<String> writes = cluster.recorder.controllerWrites();
        assertEquals(
                List.of(), writes.stream().filter(w -> w.contains(ns)).toList(), "no child of the project is written");
        assertTrue(
                writes.stream().allMatch(w -> w.contains("/projects/live/status") || w.contains("/events")),
                writes.toString());
        assertEquals(
                "10.20.0.0/24",
                cluster.client
                        .resources(Subnet.class)
                        .withName(ns + "-default")
                        .get()
                        .getSpec()
                        .cidrBlock());
        assertEquals(
                vpcBefore.getSpec(),
                cluster.client.resources(Vpc.class).withName(ns).get().getSpec());

        ProjectStatus refused = cluster.get("cidr", "live").getStatus();
        assertEquals(false, refused.isReady());
        assertEquals(Reasons.CIDR_BLOCK_IMMUTABLE, Conditions.reason(refused.getConditions(), Conditions.READY));
        assertEquals(before.getNamespace(), refused.getNamespace());
        assertEquals(before.getGatewayIP(), refused.getGatewayIP());
        assertTrue(Conditions.isTrue(refused.getConditions(), Reasons.NETWORK_READY), "the network is still there");
        assertTrue(Conditions.isTrue(refused.getConditions(), Reasons.GATEWAY_READY), "and so is its gateway");
        assertTrue(Conditions.find(refused.getConditions(), Reasons.INPUT_VALID)
                .get()
                .getMessage()
                .contains("10.20.0.0/24"));
        List<Event> warnings = warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(Reasons.CIDR_BLOCK_IMMUTABLE, warnings.get(0).getReason());

        setCidr("10.20.0.0/24");
        await().atMost(WAIT).until(() -> cluster.get("cidr", "live").getStatus().isReady());
        ProjectStatus back = cluster.get("cidr", "live").getStatus();
        assertEquals(Reasons.VALID, Conditions.reason(back.getConditions(), Reasons.INPUT_VALID));
        assertEquals(before.getGatewayIP(), back.getGatewayIP());
        assertEquals(1, warnings().size(), "no further Warning: " + warnings());
        assertEquals(
                "10.20.0.0/24",
                cluster.client
                        .resources(Subnet.class)
                        .withName(ns + "-default")
                        .get()
                        .getSpec()
                        .cidrBlock());
    }

    void setCidr(String cidr) {
        cluster.client
                .resources(Project.class)
                .inNamespace("cidr")
                .withName("live")
                .edit(p -> {
                    p.getSpec().setCidrBlock(cidr);
                    return p;
                });
    }

    void awaitInputValid(String reason) {
        await().atMost(WAIT)
                .until(() -> reason.equals(Conditions.reason(
                        cluster.get("cidr", "live").getStatus().getConditions(), Reasons.INPUT_VALID)));
    }

    List<Event> warnings() {
        return cluster.events("cidr", "live").stream()
                .filter(e -> "Warning".equals(e.getType()))
                .toList();
    }
}
