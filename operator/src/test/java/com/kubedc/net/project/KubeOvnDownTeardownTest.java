package com.kubedc.net.project;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.OvnSnatRule;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Kube-OVN down during a Project's deletion: its finalizers are removed after the configured wait, with events. */
@Tag("server")
@QuarkusTest
@TestProfile(KubeOvnDownTeardownTest.ShortWait.class)
class KubeOvnDownTeardownTest {
    /** Force after one second instead of five minutes. */
    public static class ShortWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kube-dc.teardown.force-finalizer-after", "1s");
        }
    }

    @Test
    void noKubeOvnFinalizerSticksWhenKubeOvnIsDown() {
        TestCluster cluster = TestCluster.get();
        cluster.create(Fixtures.project("down", "p", "10.0.0.0/24", "cloud"));
        cluster.awaitReady("down", "p");
        cluster.emulator.setPaused(true);
        try {
            cluster.client
                    .resources(Project.class)
                    .inNamespace("down")
                    .withName("p")
                    .delete();
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.get("down", "p") == null);
        } finally {
            cluster.emulator.setPaused(false);
        }
        assertNull(
                cluster.client.resources(OvnSnatRule.class).withName("down-p").get());
        assertNull(cluster.client
                .resources(OvnEip.class)
                .withName("down-p-ext-cloud")
                .get());
        assertNull(cluster.client
                .resources(Subnet.class)
                .withName("down-p-default")
                .get());
        assertNull(cluster.client.resources(Vpc.class).withName("down-p").get());
        assertNull(cluster.client.namespaces().withName("down-p").get());
        var forced = cluster.events("down", "p").stream()
                .filter(e -> Reasons.FORCED_FINALIZER_REMOVAL.equals(e.getReason()))
                .toList();
        assertEquals(4, forced.size(), "SNAT, gateway OvnEip, Subnet and Vpc each needed it: " + forced);
        assertTrue(forced.stream().allMatch(e -> "Warning".equals(e.getType())));
    }
}
