package com.kubedc.net.testkit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.support.Fixtures;
import com.kubedc.net.thirdparty.kubeovn.KubeOvn;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.OvnSnatRule;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The emulator behaves like kube-ovn-controller where the controller depends on it. */
@Tag("server")
@EnableKubernetesMockClient(crud = true)
class KubeOvnEmulatorTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    KubernetesClient client;
    KubeOvnEmulator emulator;

    @BeforeEach
    void start() {
        client.resource(Fixtures.extPublic()).create();
        emulator = new KubeOvnEmulator(client);
        emulator.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    OvnEip eip(String name, String subnet) {
        OvnEip e = new OvnEip();
        e.setMetadata(new ObjectMeta());
        e.getMetadata().setName(name);
        e.setSpec(new OvnEip.Spec(subnet, null, null, "nat"));
        return client.resource(e).create();
    }

    String address(String name) {
        await().atMost(WAIT).until(() -> {
            OvnEip e = client.resources(OvnEip.class).withName(name).get();
            return e != null && e.readyAddress() != null;
        });
        return client.resources(OvnEip.class).withName(name).get().readyAddress();
    }

    Map<String, String> allAddresses() {
        return client.resources(OvnEip.class).list().getItems().stream()
                .filter(e -> e.readyAddress() != null)
                .collect(Collectors.toMap(e -> e.getMetadata().getName(), OvnEip::readyAddress));
    }

    @Test
    void allocatesDistinctAddressesSkippingGatewayAndExcludedRangeUntilThePoolIsExhausted() {
        // 168.119.17.48/28: .49 gateway and .49-.50 excluded, .48/.63 network/broadcast: .51-.62 = 12 addresses
        for (int i = 0; i < 13; i++) {
            eip("e" + i, "ext-public");
        }
        Set<String> got = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            got.add(address("e" + i));
        }
        assertEquals(12, got.size());
        for (int last = 51; last <= 62; last++) {
            assertTrue(got.contains("168.119.17." + last), got.toString());
        }
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> {
            OvnEip e = client.resources(OvnEip.class).withName("e12").get();
            return e.getStatus() != null && Boolean.FALSE.equals(e.getStatus().ready());
        });
        assertEquals(
                "NoAvailableAddress",
                client.resources(OvnEip.class)
                        .withName("e12")
                        .get()
                        .getStatus()
                        .conditions()
                        .get(0)
                        .getReason());
        // freeing one address lets the waiting one through
        String freed = address("e3");
        client.resources(OvnEip.class).withName("e3").delete();
        assertEquals(freed, address("e12"));
    }

    @Test
    void aRestartedEmulatorMovesNoAddressAndGivesNoneTwice() {
        eip("a", "ext-public");
        eip("b", "ext-public");
        address("a");
        address("b");
        Map<String, String> before = allAddresses();
        emulator.close();
        emulator = new KubeOvnEmulator(client);
        emulator.start();
        eip("c", "ext-public");
        String c = address("c");
        assertFalse(before.containsValue(c));
        before.forEach((name, ip) -> assertEquals(ip, address(name)));
    }

    @Test
    void subnetUsageCountsAllocatedAddresses() {
        // 192.0.2.0/29: .1 gateway, .2 excluded: .3-.6 assignable
        client.resource(Fixtures.externalSubnet(
                        "ext-usage", "public", "192.0.2.0/29", "192.0.2.1", false, List.of("192.0.2.2")))
                .create();
        eip("u1", "ext-usage");
        assertEquals("192.0.2.3", address("u1"));
        await().atMost(WAIT).until(() -> {
            Subnet s = client.resources(Subnet.class).withName("ext-usage").get();
            return s.getStatus() != null
                    && s.getStatus().v4usingIPs() != null
                    && s.getStatus().v4usingIPs() == 1.0;
        });
        assertEquals(
                3.0,
                client.resources(Subnet.class)
                        .withName("ext-usage")
                        .get()
                        .getStatus()
                        .v4availableIPs());
    }

    @Test
    void anOvnEipIsHeldInDeletionWhileASnatRuleUsesIt() {
        eip("held", "ext-public");
        address("held");
        OvnSnatRule r = new OvnSnatRule();
        r.setMetadata(new ObjectMeta());
        r.getMetadata().setName("snat");
        r.setSpec(new OvnSnatRule.Spec("held", "x-default", null, null, null));
        client.resource(r).create();
        await().atMost(WAIT).until(() -> {
            OvnSnatRule s = client.resources(OvnSnatRule.class).withName("snat").get();
            return s.getStatus() != null && Boolean.TRUE.equals(s.getStatus().ready());
        });
        client.resources(OvnEip.class).withName("held").delete();
        await().during(Duration.ofMillis(700))
                .atMost(WAIT)
                .until(() -> client.resources(OvnEip.class).withName("held").get() != null);
        assertEquals(
                List.of(KubeOvn.FINALIZER),
                client.resources(OvnEip.class)
                        .withName("held")
                        .get()
                        .getMetadata()
                        .getFinalizers());
        client.resources(OvnSnatRule.class).withName("snat").delete();
        await().atMost(WAIT)
                .until(() -> client.resources(OvnEip.class).withName("held").get() == null);
    }

    @Test
    void aVpcGetsItsRouterPortOvnEipOnceAndNotAgainAfterItIsDeleted() {
        client.resource(Fixtures.extCloud()).create();
        Vpc v = new Vpc();
        v.setMetadata(new ObjectMeta());
        v.getMetadata().setName("t-p");
        v.setSpec(new Vpc.Spec(List.of("t-p"), null, null, true, List.of("ext-public")));
        client.resource(v).create();
        assertNotNull(address("t-p-ext-cloud"));
        assertTrue(address("t-p-ext-public").startsWith("168.119.17."));
        client.resources(OvnEip.class).withName("t-p-ext-cloud").delete();
        await().atMost(WAIT)
                .until(() ->
                        client.resources(OvnEip.class).withName("t-p-ext-cloud").get() == null);
        client.resources(Vpc.class).withName("t-p").edit(x -> {
            x.getMetadata().setLabels(Map.of("touched", "yes"));
            return x;
        });
        await().during(Duration.ofMillis(700))
                .atMost(WAIT)
                .until(() ->
                        client.resources(OvnEip.class).withName("t-p-ext-cloud").get() == null);
    }
}
