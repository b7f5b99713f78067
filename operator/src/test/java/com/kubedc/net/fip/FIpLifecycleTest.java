package com.kubedc.net.fip;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpSpec;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.api.v1.FIpSpec;
import com.kubedc.net.api.v1.VmTarget;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.thirdparty.kubeovn.OvnFip;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import com.kubedc.net.thirdparty.kubevirt.VirtualMachineInstance;
import com.kubedc.net.vocabulary.Conditions;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** FIps on the mock with the emulator: by IP, by VM, by named EIp, conflicts, secondary-network reroutes. */
@Tag("server")
@QuarkusTest
class FIpLifecycleTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    TestCluster cluster;

    @BeforeEach
    void cluster() {
        cluster = TestCluster.get();
    }

    FIp fip(String ns, String name, String eip, String type, String ip, String vm, String iface) {
        FIp f = new FIp();
        f.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
        FIpSpec s = new FIpSpec();
        s.setEip(eip);
        s.setExternalNetworkType(type);
        s.setIpAddress(ip);
        if (vm != null) {
            VmTarget t = new VmTarget();
            t.setVmName(vm);
            t.setInterfaceName(iface);
            s.setVmTarget(t);
        }
        f.setSpec(s);
        return cluster.client.resource(f).create();
    }

    FIp get(String ns, String name) {
        return cluster.client
                .resources(FIp.class)
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    FIp awaitReason(String ns, String name, String reason) {
        await().atMost(WAIT).until(() -> {
            FIp f = get(ns, name);
            return f != null
                    && f.getStatus() != null
                    && reason.equals(Conditions.reason(f.getStatus().getConditions(), "Ready"));
        });
        return get(ns, name);
    }

    void project(String name, String cidr) {
        cluster.create(Fixtures.project("fipt", name, cidr, "cloud"));
        cluster.awaitReady("fipt", name);
    }

    VirtualMachineInstance vmi(String ns, String name, String ip) {
        VirtualMachineInstance v = new VirtualMachineInstance();
        v.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
        v.setStatus(new VirtualMachineInstance.Status(
                List.of(new VirtualMachineInstance.Interface(
                        "vpc_net_0", "eth0", ip, null, "02:00:00:00:00:01", "domain")),
                "Running"));
        return v;
    }

    @Test
    void anFIpByAddressGetsItsOwnEIpAndAnOvnFipAndReleasesBothWhenDeleted() {
        project("ip", "10.1.0.0/24");
        fip("fipt-ip", "web", null, null, "10.1.0.5", null, null);
        FIp f = awaitReason("fipt-ip", "web", "Ready");
        assertEquals("fip-web", f.getStatus().getEip());
        assertEquals("10.1.0.5", f.getStatus().getResolvedTargetIP());
        assertTrue(f.getStatus().getExternalIP().startsWith("100.65."));
        OvnFip o = cluster.client
                .resources(OvnFip.class)
                .withName(f.getStatus().getOvnFip())
                .get();
        assertEquals("10.1.0.5", o.getSpec().v4Ip());
        assertEquals("fipt-ip", o.getSpec().vpc());
        EIp eip = cluster.client
                .resources(EIp.class)
                .inNamespace("fipt-ip")
                .withName("fip-web")
                .get();
        assertEquals(o.getSpec().ovnEip(), eip.getStatus().getOvnEIpRef());
        await().atMost(WAIT)
                .until(() -> "Exclusive"
                        .equals(cluster.client
                                .resources(EIp.class)
                                .inNamespace("fipt-ip")
                                .withName("fip-web")
                                .get()
                                .getStatus()
                                .getOwnershipType()));

        cluster.client
                .resources(FIp.class)
                .inNamespace("fipt-ip")
                .withName("web")
                .delete();
        await().atMost(WAIT).until(() -> get("fipt-ip", "web") == null);
        assertNull(cluster.client
                .resources(OvnFip.class)
                .withName(f.getStatus().getOvnFip())
                .get());
        assertNull(cluster.client
                .resources(EIp.class)
                .inNamespace("fipt-ip")
                .withName("fip-web")
                .get());
    }

    @Test
    void anFIpByVmWaitsForTheVmiAndFollowsItsAddressByRecreatingTheOvnFip() {
        project("vm", "10.2.0.0/24");
        fip("fipt-vm", "ssh", null, null, null, "ubuntu", "vpc_net_0");
        awaitReason("fipt-vm", "ssh", FIpReasons.VM_NOT_FOUND);
        cluster.client.resource(vmi("fipt-vm", "ubuntu", "10.2.0.10")).create();
        FIp f = awaitReason("fipt-vm", "ssh", "Ready");
        assertEquals("ubuntu", f.getStatus().getTargetVMInterface().getVmName());
        assertEquals("vpc_net_0", f.getStatus().getTargetVMInterface().getInterfaceName());
        String uid = cluster.client
                .resources(OvnFip.class)
                .withName(f.getStatus().getOvnFip())
                .get()
                .getMetadata()
                .getUid();
        cluster.client
                .resources(VirtualMachineInstance.class)
                .inNamespace("fipt-vm")
                .withName("ubuntu")
                .edit(v -> vmi("fipt-vm", "ubuntu", "10.2.0.11"));
        await().atMost(WAIT).until(() -> {
            FIp now = get("fipt-vm", "ssh");
            return now.getStatus().isReady()
                    && "10.2.0.11".equals(now.getStatus().getResolvedTargetIP());
        });
        OvnFip after = cluster.client
                .resources(OvnFip.class)
                .withName(f.getStatus().getOvnFip())
                .get();
        assertEquals("10.2.0.11", after.getSpec().v4Ip());
        assertNotEquals(uid, after.getMetadata().getUid(), "re-created, not edited");
        assertEquals(
                f.getStatus().getExternalIP(),
                get("fipt-vm", "ssh").getStatus().getExternalIP(),
                "the external address does not move");
    }

    @Test
    void aNamedEIpIsExclusiveAndASecondFIpGetsAConflict() {
        project("named", "10.3.0.0/24");
        EIp e = new EIp();
        e.setMetadata(new ObjectMetaBuilder()
                .withNamespace("fipt-named")
                .withName("shared")
                .build());
        e.setSpec(new EIpSpec());
        cluster.client.resource(e).create();
        fip("fipt-named", "first", "shared", null, "10.3.0.5", null, null);
        awaitReason("fipt-named", "first", "Ready");
        fip("fipt-named", "second", "shared", null, "10.3.0.6", null, null);
        awaitReason("fipt-named", "second", FIpReasons.EIP_CONFLICT);
        assertEquals(
                1,
                cluster.events("fipt-named", "second").stream()
                        .filter(ev -> FIpReasons.EIP_CONFLICT.equals(ev.getReason()))
                        .count());
    }

    @Test
    void deletingAnEIpThatAnFIpUsesIsHeldWithInUseUntilTheFIpGoes() {
        project("inuse", "10.6.0.0/24");
        EIp e = new EIp();
        e.setMetadata(new ObjectMetaBuilder()
                .withNamespace("fipt-inuse")
                .withName("held")
                .build());
        e.setSpec(new EIpSpec());
        cluster.client.resource(e).create();
        fip("fipt-inuse", "user", "held", null, "10.6.0.5", null, null);
        awaitReason("fipt-inuse", "user", "Ready");
        cluster.client
                .resources(EIp.class)
                .inNamespace("fipt-inuse")
                .withName("held")
                .delete();
        await().atMost(WAIT).until(() -> {
            EIp now = cluster.client
                    .resources(EIp.class)
                    .inNamespace("fipt-inuse")
                    .withName("held")
                    .get();
            return now.getStatus() != null
                    && Conditions.find(now.getStatus().getConditions(), "InUse")
                            .map(c -> c.getMessage().contains("FIp/user"))
                            .orElse(false);
        });
        assertEquals(
                1,
                cluster.events("fipt-inuse", "held").stream()
                        .filter(ev -> "InUse".equals(ev.getReason()))
                        .count());
        cluster.client
                .resources(FIp.class)
                .inNamespace("fipt-inuse")
                .withName("user")
                .delete();
        await().atMost(WAIT)
                .until(() -> cluster.client
                                .resources(EIp.class)
                                .inNamespace("fipt-inuse")
                                .withName("held")
                                .get()
                        == null);
    }

    @Test
    void badReferencesAndTargetsCreateNothing() {
        project("bad", "10.4.0.0/24");
        fip("fipt-bad", "outside", null, null, "10.9.9.9", null, null);
        awaitReason("fipt-bad", "outside", FIpReasons.TARGET_OUTSIDE_SUBNET);
        // the CRD's rule refuses eip + externalNetworkType at admission (FIpValidation keeps the same check for CRDs
        // without it)
        var refused = org.junit.jupiter.api.Assertions.assertThrows(
                io.fabric8.kubernetes.client.KubernetesClientException.class,
                () -> fip("fipt-bad", "both", "x", "public", "10.4.0.5", null, null));
        assertTrue(
                refused.getMessage().contains("eip and externalNetworkType cannot be set at the same time"),
                refused.getMessage());
        fip("fipt-bad", "cross", "other/x", null, "10.4.0.5", null, null);
        awaitReason("fipt-bad", "cross", FIpReasons.INVALID_REFERENCE);
        assertTrue(
                cluster.client.resources(EIp.class).inNamespace("fipt-bad").list().getItems().stream()
                        .allMatch(x -> x.getMetadata().getName().equals("default-gw")),
                "no EIp created");
        assertTrue(cluster.client.resources(OvnFip.class).list().getItems().stream()
                .noneMatch(o -> o.getSpec().vpc().equals("fipt-bad")));
    }

    @Test
    void aPublicFIpInACloudProjectIsReroutedThroughThePublicGatewayUntilDeleted() {
        project("sec", "10.5.0.0/24");
        fip("fipt-sec", "pub", null, "public", "10.5.0.9", null, null);
        FIp f = awaitReason("fipt-sec", "pub", "Ready");
        assertTrue(f.getStatus().getExternalIP().startsWith("168.119.17."));
        await().atMost(WAIT)
                .until(() -> routes("fipt-sec")
                        .contains(new Vpc.PolicyRoute(30000, "ip4.src == 10.5.0.9", "reroute", "168.119.17.49")));
        cluster.client
                .resources(FIp.class)
                .inNamespace("fipt-sec")
                .withName("pub")
                .delete();
        await().atMost(WAIT).until(() -> routes("fipt-sec").stream().noneMatch(r -> r.priority() == 30000));
    }

    @Test
    void deletingAProjectWithLiveEIpsAndFIpsRemovesEverything() {
        project("gone", "10.7.0.0/24");
        EIp e = new EIp();
        e.setMetadata(new ObjectMetaBuilder()
                .withNamespace("fipt-gone")
                .withName("named")
                .build());
        e.setSpec(new EIpSpec());
        cluster.client.resource(e).create();
        fip("fipt-gone", "a", "named", null, "10.7.0.5", null, null);
        fip("fipt-gone", "b", null, "public", "10.7.0.6", null, null);
        awaitReason("fipt-gone", "a", "Ready");
        awaitReason("fipt-gone", "b", "Ready");
        cluster.client
                .resources(com.kubedc.net.api.v1.Project.class)
                .inNamespace("fipt")
                .withName("gone")
                .delete();
        await().atMost(Duration.ofSeconds(40)).until(() -> cluster.get("fipt", "gone") == null);
        assertTrue(cluster.client
                .resources(FIp.class)
                .inNamespace("fipt-gone")
                .list()
                .getItems()
                .isEmpty());
        assertTrue(cluster.client
                .resources(EIp.class)
                .inNamespace("fipt-gone")
                .list()
                .getItems()
                .isEmpty());
        assertTrue(cluster.client.resources(OvnFip.class).list().getItems().stream()
                .noneMatch(o -> "fipt-gone".equals(o.getSpec().vpc())));
        assertTrue(
                cluster.client.resources(com.kubedc.net.thirdparty.kubeovn.OvnEip.class).list().getItems().stream()
                        .noneMatch(o -> o.getMetadata().getName().contains("fipt-gone")),
                "no OvnEip left");
        assertNull(cluster.client.resources(Vpc.class).withName("fipt-gone").get());
        assertNull(cluster.client.namespaces().withName("fipt-gone").get());
    }

    List<Vpc.PolicyRoute> routes(String vpc) {
        return cluster.client.resources(Vpc.class).withName(vpc).get().getSpec().policyRoutes();
    }
}
