package com.kubedc.net.project;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.FreshOperators;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Stopping the controller and starting a fresh one (new informers, empty caches) five times over
 * converged Projects, EIps and FIps writes nothing, moves no address and duplicates no object. Own profile: it replaces the application's operator.
 */
@Tag("server")
@QuarkusTest
@TestProfile(ControllerRestartTest.Restartable.class)
class ControllerRestartTest {
    /** A separate application instance, so the operator it stops is its own. */
    public static class Restartable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kube-dc.egress-global-allowlist", "9.9.9.9");
        }
    }

    @Inject
    FreshOperators operators;

    @org.junit.jupiter.api.AfterEach
    void stopRestartedControllers() {
        operators.stopAll();
    }

    @Test
    void restartingTheControllerOverConvergedProjectsWritesNothing() throws Exception {
        TestCluster cluster = TestCluster.get();
        cluster.create(Fixtures.project("rs", "one", "10.0.1.0/24", "cloud"));
        cluster.create(Fixtures.project("rs", "two", "10.0.2.0/24", "public"));
        cluster.create(Fixtures.project("rs", "bad", "10.0.3.0/33", "cloud"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ready("rs", "one", cluster)
                        && ready("rs", "two", cluster)
                        && cluster.get("rs", "bad").getStatus() != null);
        var eip = new com.kubedc.net.api.v1.EIp();
        eip.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withNamespace("rs-one")
                .withName("extra")
                .build());
        eip.setSpec(new com.kubedc.net.api.v1.EIpSpec());
        cluster.client.resource(eip).create();
        var fip = new com.kubedc.net.api.v1.FIp();
        fip.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withNamespace("rs-one")
                .withName("vm")
                .build());
        var spec = new com.kubedc.net.api.v1.FIpSpec();
        spec.setIpAddress("10.0.1.5");
        spec.setExternalNetworkType("public");
        fip.setSpec(spec);
        cluster.client.resource(fip).create();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var f = cluster.client
                    .resources(com.kubedc.net.api.v1.FIp.class)
                    .inNamespace("rs-one")
                    .withName("vm")
                    .get();
            var e = cluster.client
                    .resources(com.kubedc.net.api.v1.EIp.class)
                    .inNamespace("rs-one")
                    .withName("extra")
                    .get();
            return f.getStatus() != null
                    && f.getStatus().isReady()
                    && e.getStatus() != null
                    && e.getStatus().isReady();
        });
        cluster.awaitQuiet();
        Map<String, String> addresses = addresses(cluster);

        Operator current = operators.restartWithoutWrites(cluster, 5, Duration.ofMillis(1500), i -> {});
        assertEquals(addresses, addresses(cluster));
        assertEquals(
                addresses.size(),
                cluster.client.resources(OvnEip.class).list().getItems().size(),
                "no duplicate OvnEip");
        // the restarted controller is alive: it converges a new EIp, and its writes are seen
        var late = new com.kubedc.net.api.v1.EIp();
        late.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withNamespace("rs-one")
                .withName("late")
                .build());
        late.setSpec(new com.kubedc.net.api.v1.EIpSpec());
        cluster.client.resource(late).create();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var e = cluster.client
                    .resources(com.kubedc.net.api.v1.EIp.class)
                    .inNamespace("rs-one")
                    .withName("late")
                    .get();
            return e.getStatus() != null && e.getStatus().isReady();
        });
        org.junit.jupiter.api.Assertions.assertFalse(
                cluster.recorder.controllerWrites().isEmpty());
        current.stop();
    }

    static boolean ready(String org, String name, TestCluster c) {
        Project p = c.get(org, name);
        return p != null && p.getStatus() != null && p.getStatus().isReady();
    }

    static Map<String, String> addresses(TestCluster c) {
        return c.client.resources(OvnEip.class).list().getItems().stream()
                .filter(e -> e.getStatus() != null && e.getStatus().v4Ip() != null)
                .collect(Collectors.toMap(
                        e -> e.getMetadata().getName(), e -> e.getStatus().v4Ip()));
    }
}
