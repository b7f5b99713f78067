package com.kubedc.net.eip;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpSpec;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.api.v1.FIpSpec;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.FreshOperators;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.OvnFip;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The controller restarted five times while 20 EIps and 10 FIps (with auto EIps) converge, then
 * twice more once they have: each EIp ends with exactly one OvnEip and its own address, each FIp
 * with one OvnFip, and the converged state survives restarts without a write or a moved address.
 */
@Tag("server")
@QuarkusTest
@TestProfile(RestartDuringConvergenceTest.Own.class)
class RestartDuringConvergenceTest {
    /** Its own application instance: the test stops that instance's operator. */
    public static class Own implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kube-dc.default-eip-network-type", "cloud");
        }
    }

    static final String NS = "rc-one";

    @Inject
    Operator operator;

    @Inject
    FreshOperators operators;

    @org.junit.jupiter.api.AfterEach
    void stopRestartedControllers() {
        operators.stopAll();
    }

    @Test
    void restartsDuringAndAfterConvergenceMoveNoAddressAndDuplicateNothing() throws Exception {
        TestCluster cluster = TestCluster.get();
        cluster.create(Fixtures.project("rc", "one", "10.0.7.0/24", "cloud"));
        cluster.awaitReady("rc", "one");
        operator.stop();
        Operator current = operators.start();

        for (int i = 0; i < 20; i++) {
            EIp e = new EIp();
            e.setMetadata(
                    new ObjectMetaBuilder().withNamespace(NS).withName("e" + i).build());
            e.setSpec(new EIpSpec());
            cluster.client.resource(e).create();
        }
        for (int i = 0; i < 10; i++) {
            FIp f = new FIp();
            f.setMetadata(
                    new ObjectMetaBuilder().withNamespace(NS).withName("f" + i).build());
            FIpSpec spec = new FIpSpec();
            spec.setIpAddress("10.0.7." + (10 + i));
            f.setSpec(spec);
            cluster.client.resource(f).create();
        }
        for (int i = 0; i < 5; i++) {
            Thread.sleep(150 + 100L * i);
            current.stop();
            current = operators.start();
        }
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> allReady(cluster));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not converged: " + notReady(cluster), e);
        }

        Map<String, String> addresses = addresses(cluster);
        assertEquals(31, addresses.size(), "20 EIps, 10 auto EIps and default-gw: " + addresses);
        assertEquals(31, new HashSet<>(addresses.values()).size(), "every EIp has its own address: " + addresses);
        List<OvnEip> ovnEips = cluster.client.resources(OvnEip.class).list().getItems().stream()
                .filter(o -> o.getMetadata().getLabels() != null
                        && String.valueOf(o.getMetadata().getLabels().get(Keys.EIP))
                                .startsWith(NS + "."))
                .toList();
        assertEquals(30, ovnEips.size(), "one OvnEip per allocated EIp, no duplicate");
        for (OvnEip o : ovnEips) {
            String eip = o.getMetadata().getLabels().get(Keys.EIP).substring(NS.length() + 1);
            assertEquals(o.getStatus().v4Ip(), addresses.get(eip), "EIp " + eip + " reports its OvnEip's address");
        }
        assertEquals(
                10,
                cluster.client.resources(OvnFip.class).list().getItems().stream()
                        .filter(o -> o.getMetadata().getName().startsWith("fip-" + NS + "-"))
                        .count(),
                "one OvnFip per FIp");

        cluster.awaitQuiet();
        for (int i = 0; i < 2; i++) {
            current.stop();
            current = operators.start();
            Thread.sleep(1500);
            assertEquals(List.of(), cluster.recorder.controllerWrites(), "restart after convergence wrote");
        }
        assertEquals(addresses, addresses(cluster));
        current.stop();
    }

    static boolean allReady(TestCluster c) {
        var eips = c.client.resources(EIp.class).inNamespace(NS).list().getItems();
        var fips = c.client.resources(FIp.class).inNamespace(NS).list().getItems();
        return eips.size() == 31
                && fips.size() == 10
                && eips.stream()
                        .allMatch(e -> e.getStatus() != null && e.getStatus().isReady())
                && fips.stream()
                        .allMatch(f -> f.getStatus() != null && f.getStatus().isReady());
    }

    static List<String> notReady(TestCluster c) {
        var out = new java.util.ArrayList<String>();
        c.client.resources(EIp.class).inNamespace(NS).list().getItems().stream()
                .filter(e -> e.getStatus() == null || !e.getStatus().isReady())
                .forEach(e -> out.add("EIp " + e.getMetadata().getName() + " "
                        + (e.getStatus() == null ? "no status" : e.getStatus().getConditions())));
        c.client.resources(FIp.class).inNamespace(NS).list().getItems().stream()
                .filter(f -> f.getStatus() == null || !f.getStatus().isReady())
                .forEach(f -> out.add("FIp " + f.getMetadata().getName() + " "
                        + (f.getStatus() == null ? "no status" : f.getStatus().getConditions())));
        return out;
    }

    static Map<String, String> addresses(TestCluster c) {
        Map<String, String> out = new TreeMap<>();
        c.client
                .resources(EIp.class)
                .inNamespace(NS)
                .list()
                .getItems()
                .forEach(e -> out.put(
                        e.getMetadata().getName(),
                        e.getStatus() == null ? null : e.getStatus().getIpAddress()));
        return out;
    }
}
