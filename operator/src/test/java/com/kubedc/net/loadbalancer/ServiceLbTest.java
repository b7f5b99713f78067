package com.kubedc.net.loadbalancer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpOwner;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.NbTestResource;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.testkit.LocalNb;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.ServiceAddresses;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** LoadBalancer Services end to end: the mock API server, the emulator and a real OVN NB, read back with ovn-nbctl. */
@Tag("server")
@QuarkusTest
@QuarkusTestResource(value = NbTestResource.class, restrictToAnnotatedClass = true)
class ServiceLbTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    TestCluster cluster;
    LocalNb nb;

    @BeforeEach
    void cluster() {
        cluster = TestCluster.get();
        nb = NbTestResource.server();
    }

    String project(String name, String cidr) {
        cluster.create(Fixtures.project("lbt", name, cidr, "cloud"));
        cluster.awaitReady("lbt", name);
        return "lbt-" + name;
    }

    Service create(Service s) {
        return cluster.client.resource(s).create();
    }

    void slice(EndpointSlice s) {
        cluster.client.resource(s).createOr(x -> x.update());
    }

    Service get(String ns, String name) {
        return cluster.client.services().inNamespace(ns).withName(name).get();
    }

    EIp eip(String ns, String name) {
        return cluster.client
                .resources(EIp.class)
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    String awaitIngress(String ns, String name) {
        try {
            await().atMost(WAIT).until(() -> !ips(get(ns, name)).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Service s = get(ns, name);
            throw new AssertionError("no ingress for " + name + ": " + (s == null ? "gone" : s.getStatus()), e);
        }
        return ips(get(ns, name)).get(0);
    }

    static List<String> ips(Service s) {
        return s == null ? List.of() : ServiceAddresses.ips(s.getStatus());
    }

    String reason(String ns, String name) {
        Service s = get(ns, name);
        return s == null || s.getStatus() == null
                ? null
                : Conditions.reason(s.getStatus().getConditions(), LbReasons.LOAD_BALANCER_READY);
    }

    /** VIPs of an NB load balancer as ovn-nbctl (an independent reader) shows them. */
    Map<String, String> vips(String lb) {
        String out = nb.nbctl("--bare", "--columns=vips", "find", "Load_Balancer", "name=" + lb)
                .trim();
        Map<String, String> m = new TreeMap<>();
        if (!out.isEmpty()) {
            Arrays.stream(out.split(" "))
                    .forEach(kv -> m.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1)));
        }
        return m;
    }

    List<String> lbNames() {
        String out =
                nb.nbctl("--bare", "--columns=name", "list", "Load_Balancer").trim();
        return out.isEmpty()
                ? List.of()
                : Arrays.stream(out.split("\\s+")).sorted().toList();
    }

    @Test
    void nginxOnTheDefaultGatewayAddressGetsOneTcpLoadBalancerOnTheRouterAndSwitch() {
        String ns = project("web", "10.10.0.0/24");
        create(Services.loadBalancer(
                ns, "nginx", Map.of(Keys.BIND_ON_DEFAULT_GW, "true"), "http:80>80", "https:443>443"));
        slice(Services.slice(ns, "nginx", List.of("10.10.0.5", "10.10.0.6"), "http=80", "https=443"));
        String gw = eip(ns, "default-gw").getStatus().getIpAddress();
        assertEquals(gw, awaitIngress(ns, "nginx"));

        String lb = ns + "-nginx-tcp";
        await().atMost(WAIT).until(() -> vips(lb).size() == 2);
        assertEquals(
                Map.of(gw + ":80", "10.10.0.5:80,10.10.0.6:80", gw + ":443", "10.10.0.5:443,10.10.0.6:443"), vips(lb));
        String uuid = nb.nbctl("--bare", "--columns=_uuid", "find", "Load_Balancer", "name=" + lb)
                .trim();
        assertTrue(
                nb.nbctl("--bare", "--columns=load_balancer", "find", "Logical_Router", "name=" + ns)
                        .contains(uuid),
                "attached to the project router");
        assertTrue(
                nb.nbctl("--bare", "--columns=load_balancer", "find", "Logical_Switch", "name=" + ns + "-default")
                        .contains(uuid),
                "attached to the project switch");
        assertEquals(
                ns + "/nginx",
                nb.nbctl("--bare", "--columns=external_ids", "find", "Load_Balancer", "name=" + lb)
                        .replaceAll(".*kube-dc.com/owner=([^ \\n]+).*", "$1")
                        .trim());

        Service ext = get(ns, "nginx-ext");
        assertEquals("None", ext.getSpec().getClusterIP());
        assertEquals("nginx", ext.getMetadata().getLabels().get("kube-dc.com/source-service"));
        Endpoints ep =
                cluster.client.endpoints().inNamespace(ns).withName("nginx-ext").get();
        assertEquals(gw, ep.getSubsets().get(0).getAddresses().get(0).getIp());

        await().atMost(WAIT)
                .until(() -> eip(ns, "default-gw").getStatus().getOwners().stream()
                        .anyMatch(o -> EIpOwner.SERVICE_LB.equals(o.getType()) && "nginx".equals(o.getOwnerRef())));
        assertEquals("Shared", eip(ns, "default-gw").getStatus().getOwnershipType());
    }

    @Test
    void endpointsScalingUpAndDownChangeTheBackendsAndANamedTargetPortIsResolved() {
        String ns = project("vm", "10.10.1.0/24");
        create(Services.loadBalancer(ns, "ssh", Map.of(Keys.BIND_ON_DEFAULT_GW, "true"), "ssh:2222>ssh"));
        String gw = awaitIngress(ns, "ssh");
        String lb = ns + "-ssh-tcp";
        await().atMost(WAIT).until(() -> Map.of(gw + ":2222", "").equals(vips(lb)));

        slice(Services.slice(ns, "ssh", List.of("10.10.1.7"), "ssh=22"));
        await().atMost(WAIT).until(() -> Map.of(gw + ":2222", "10.10.1.7:22").equals(vips(lb)));
        slice(Services.slice(ns, "ssh", List.of("10.10.1.7", "10.10.1.8", "10.10.1.9"), "ssh=22"));
        await().atMost(WAIT)
                .until(() -> Map.of(gw + ":2222", "10.10.1.7:22,10.10.1.8:22,10.10.1.9:22")
                        .equals(vips(lb)));
        slice(Services.slice(ns, "ssh", List.of("10.10.1.9"), "ssh=22"));
        await().atMost(WAIT).until(() -> Map.of(gw + ":2222", "10.10.1.9:22").equals(vips(lb)));
    }

    @Test
    void aServiceWithoutBindingGetsItsOwnEIpAndDeletingItRemovesEverything() {
        String ns = project("auto", "10.10.2.0/24");
        create(Services.loadBalancer(ns, "api", Map.of(), "http:8080>8080", "dns:53>53/udp"));
        slice(Services.slice(ns, "api", List.of("10.10.2.5"), "http=8080", "dns=53/udp"));
        String ip = awaitIngress(ns, "api");
        EIp own = eip(ns, "slb-api");
        assertEquals(ip, own.getStatus().getIpAddress());
        assertTrue(ip.startsWith("100.65."), ip);
        await().atMost(WAIT).until(() -> lbNames().containsAll(List.of(ns + "-api-tcp", ns + "-api-udp")));
        assertEquals(Map.of(ip + ":53", "10.10.2.5:53"), vips(ns + "-api-udp"));

        cluster.client.resource(get(ns, "api")).delete();
        await().atMost(WAIT).until(() -> get(ns, "api") == null);
        assertFalse(lbNames().contains(ns + "-api-tcp"));
        assertFalse(lbNames().contains(ns + "-api-udp"));
        assertEquals(
                "",
                nb.nbctl("--bare", "--columns=load_balancer", "find", "Logical_Router", "name=" + ns)
                        .trim());
        assertNull(get(ns, "api-ext"));
        try {
            await().atMost(WAIT).until(() -> eip(ns, "slb-api") == null);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("auto EIp stays: " + eip(ns, "slb-api"), e);
        }
    }

    @Test
    void twoServicesShareANamedEIpOnDistinctPortsAndTheLaterClaimOfATakenPortIsRefused() {
        String ns = project("share", "10.10.3.0/24");
        EIp shared = new EIp();
        shared.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withNamespace(ns)
                .withName("shared")
                .build());
        shared.setSpec(new com.kubedc.net.api.v1.EIpSpec());
        cluster.client.resource(shared).create();
        create(Services.loadBalancer(ns, "a", Map.of(Keys.BIND_ON_EIP, "shared"), "http:80>80"));
        String ip = awaitIngress(ns, "a");
        create(Services.loadBalancer(ns, "b", Map.of(Keys.BIND_ON_EIP, "shared"), "ssh:22>22"));
        assertEquals(ip, awaitIngress(ns, "b"));
        create(Services.loadBalancer(ns, "c", Map.of(Keys.BIND_ON_EIP, "shared"), "web:80>8080"));
        await().atMost(WAIT).until(() -> LbReasons.PORT_CONFLICT.equals(reason(ns, "c")));
        assertEquals(List.of(), ips(get(ns, "c")));
        assertFalse(lbNames().contains(ns + "-c-tcp"));
        assertTrue(cluster.events(ns, "c").stream()
                .anyMatch(e -> "Warning".equals(e.getType()) && LbReasons.PORT_CONFLICT.equals(e.getReason())));
        assertEquals(ip, ips(get(ns, "a")).get(0), "the first claim keeps its port");

        cluster.client.resource(get(ns, "a")).delete();
        assertEquals(ip, awaitIngress(ns, "c"), "freed: the waiting Service gets the port");
    }

    @Test
    void servicesOfAnotherClassOrTypeAreNeverTouchedAndNonProjectNamespacesGetNoAddress() throws Exception {
        String ns = project("other", "10.10.4.0/24");
        Service metallb = Services.loadBalancer(ns, "metallb", Map.of(), "http:80>80");
        metallb.getSpec().setLoadBalancerClass("metallb");
        create(metallb);
        Service plain = Services.loadBalancer(ns, "plain", Map.of(), "http:80>80");
        plain.getSpec().setType("ClusterIP");
        create(plain);
        cluster.organization("not-a-project");
        create(Services.loadBalancer("not-a-project", "lb", Map.of(), "http:80>80"));
        Thread.sleep(1500);
        for (Service s : List.of(get(ns, "metallb"), get(ns, "plain"))) {
            assertTrue(
                    s.getMetadata().getFinalizers() == null
                            || s.getMetadata().getFinalizers().isEmpty(),
                    s.getMetadata().getName());
            assertNull(
                    s.getStatus() == null
                            ? null
                            : s.getStatus().getConditions() == null
                                            || s.getStatus().getConditions().isEmpty()
                                    ? null
                                    : s.getStatus());
        }
        // outside project namespaces: told why (ServiceLbScopeTest), and nothing else
        await().atMost(WAIT)
                .until(() -> LbReasons.NOT_A_PROJECT_NAMESPACE.equals(Conditions.reason(
                        get("not-a-project", "lb").getStatus().getConditions(), LbReasons.LOAD_BALANCER_READY)));
        Service outside = get("not-a-project", "lb");
        assertEquals(List.of(), ips(outside));
        assertTrue(outside.getMetadata().getFinalizers() == null
                || outside.getMetadata().getFinalizers().isEmpty());
        assertNull(eip(ns, "slb-metallb"));
        assertNull(eip("not-a-project", "slb-lb"));
        // this NB also holds the rows of Services other test classes left in the shared cluster: look at ours only
        assertFalse(lbNames().stream()
                .anyMatch(n -> n.startsWith(ns + "-metallb-")
                        || n.startsWith(ns + "-plain-")
                        || n.startsWith("not-a-project-")));
    }

    EIp namedEIp(String ns, String name, String type) {
        EIp e = new EIp();
        e.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withNamespace(ns)
                .withName(name)
                .build());
        e.setSpec(new com.kubedc.net.api.v1.EIpSpec());
        e.getSpec().setExternalNetworkType(type);
        return cluster.client.resource(e).create();
    }

    List<com.kubedc.net.thirdparty.kubeovn.Vpc.PolicyRoute> routes(String ns) {
        var v = cluster.client
                .resources(com.kubedc.net.thirdparty.kubeovn.Vpc.class)
                .withName(ns)
                .get();
        return v.getSpec().policyRoutes() == null ? List.of() : v.getSpec().policyRoutes();
    }

    @Test
    void aPublicEIpInACloudProjectAttachesThePublicNetworkAndReroutesEveryBackend() {
        String ns = project("pub", "10.10.5.0/24");
        namedEIp(ns, "public-ip", "public");
        create(Services.loadBalancer(ns, "shop", Map.of(Keys.BIND_ON_EIP, "public-ip"), "https:443>8443"));
        slice(Services.slice(ns, "shop", List.of("10.10.5.7", "10.10.5.8"), "https=8443"));
        String ip = awaitIngress(ns, "shop");
        assertTrue(ip.startsWith("168.119.17."), ip);
        var vpc = cluster.client
                .resources(com.kubedc.net.thirdparty.kubeovn.Vpc.class)
                .withName(ns)
                .get();
        assertTrue(vpc.getSpec().extraExternalSubnets().contains("ext-public"), "the public network is attached");
        var r7 = new com.kubedc.net.thirdparty.kubeovn.Vpc.PolicyRoute(
                30010, "ip4.src == 10.10.5.7", "reroute", "168.119.17.49");
        var r8 = new com.kubedc.net.thirdparty.kubeovn.Vpc.PolicyRoute(
                30010, "ip4.src == 10.10.5.8", "reroute", "168.119.17.49");
        await().atMost(WAIT).until(() -> routes(ns).containsAll(List.of(r7, r8)));
        slice(Services.slice(ns, "shop", List.of("10.10.5.8"), "https=8443"));
        await().atMost(WAIT).until(() -> !routes(ns).contains(r7) && routes(ns).contains(r8));
        assertEquals(Map.of(ip + ":443", "10.10.5.8:8443"), vips(ns + "-shop-tcp"));

        cluster.client.resource(get(ns, "shop")).delete();
        await().atMost(WAIT).until(() -> routes(ns).stream().noneMatch(r -> r.priority() == 30010));
    }

    @Test
    void anEIpIsEitherAnFIpsOrServicesTheOlderClaimKeepsIt() throws Exception {
        String ns = project("excl", "10.10.6.0/24");
        namedEIp(ns, "nat", "cloud");
        var fip = new com.kubedc.net.api.v1.FIp();
        fip.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withNamespace(ns)
                .withName("vm")
                .build());
        fip.setSpec(new com.kubedc.net.api.v1.FIpSpec());
        fip.getSpec().setEip("nat");
        fip.getSpec().setIpAddress("10.10.6.9");
        cluster.client.resource(fip).create();
        await().atMost(WAIT).until(() -> {
            var f = cluster.client
                    .resources(com.kubedc.net.api.v1.FIp.class)
                    .inNamespace(ns)
                    .withName("vm")
                    .get();
            return f.getStatus() != null && f.getStatus().isReady();
        });
        Thread.sleep(1100); // creation timestamps have second resolution: the Service is strictly younger
        create(Services.loadBalancer(ns, "late", Map.of(Keys.BIND_ON_EIP, "nat"), "http:80>80"));
        await().atMost(WAIT).until(() -> LbReasons.EIP_CONFLICT.equals(reason(ns, "late")));
        assertEquals(List.of(), ips(get(ns, "late")));
        var f = cluster.client
                .resources(com.kubedc.net.api.v1.FIp.class)
                .inNamespace(ns)
                .withName("vm")
                .get();
        assertTrue(f.getStatus().isReady(), "the FIp keeps its EIp");

        namedEIp(ns, "lb", "cloud");
        create(Services.loadBalancer(ns, "first", Map.of(Keys.BIND_ON_EIP, "lb"), "http:80>80"));
        awaitIngress(ns, "first");
        Thread.sleep(1100);
        var second = new com.kubedc.net.api.v1.FIp();
        second.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withNamespace(ns)
                .withName("vm2")
                .build());
        second.setSpec(new com.kubedc.net.api.v1.FIpSpec());
        second.getSpec().setEip("lb");
        second.getSpec().setIpAddress("10.10.6.10");
        cluster.client.resource(second).create();
        await().atMost(WAIT).until(() -> {
            var g = cluster.client
                    .resources(com.kubedc.net.api.v1.FIp.class)
                    .inNamespace(ns)
                    .withName("vm2")
                    .get();
            return g.getStatus() != null
                    && "EIpConflict".equals(Conditions.reason(g.getStatus().getConditions(), "Ready"));
        });
        assertFalse(ips(get(ns, "first")).isEmpty(), "the Service keeps its EIp");
    }

    @Test
    void deletingTheProjectRemovesItsLoadBalancersFirst() {
        String ns = project("gone", "10.10.7.0/24");
        create(Services.loadBalancer(ns, "web", Map.of(Keys.BIND_ON_DEFAULT_GW, "true"), "http:80>80"));
        create(Services.loadBalancer(ns, "own", Map.of(), "http:80>80"));
        awaitIngress(ns, "web");
        awaitIngress(ns, "own");
        await().atMost(WAIT).until(() -> lbNames().containsAll(List.of(ns + "-web-tcp", ns + "-own-tcp")));
        cluster.client
                .resources(com.kubedc.net.api.v1.Project.class)
                .inNamespace("lbt")
                .withName("gone")
                .delete();
        await().atMost(Duration.ofSeconds(40)).until(() -> cluster.get("lbt", "gone") == null);
        assertTrue(
                lbNames().stream().noneMatch(n -> n.startsWith(ns + "-")),
                lbNames().toString());
        assertNull(get(ns, "web"));
        assertNull(eip(ns, "slb-own"));
        assertNull(eip(ns, "default-gw"));
    }

    @Test
    void changingTheTypeAwayOrTheBindingConvergesLikeADeletion() {
        String ns = project("type", "10.10.8.0/24");
        create(Services.loadBalancer(ns, "svc", Map.of(), "http:80>80"));
        String own = awaitIngress(ns, "svc");
        await().atMost(WAIT).until(() -> lbNames().contains(ns + "-svc-tcp"));

        // the binding moves to the gateway address: the Service's own EIp goes, the VIP follows
        cluster.client.services().inNamespace(ns).withName("svc").edit(x -> {
            x.getMetadata().getAnnotations().put(Keys.BIND_ON_DEFAULT_GW, "true");
            return x;
        });
        String gw = eip(ns, "default-gw").getStatus().getIpAddress();
        await().atMost(WAIT).until(() -> List.of(gw).equals(ips(get(ns, "svc"))));
        await().atMost(WAIT).until(() -> eip(ns, "slb-svc") == null);
        await().atMost(WAIT).until(() -> Map.of(gw + ":80", "").equals(vips(ns + "-svc-tcp")));
        assertFalse(own.equals(gw));
        await().atMost(WAIT)
                .until(() -> eip(ns, "default-gw").getStatus().getOwners().stream()
                        .anyMatch(o -> EIpOwner.SERVICE_LB.equals(o.getType()) && "svc".equals(o.getOwnerRef())));

        // no longer a LoadBalancer: rows, companion, status and finalizer go; the Service stays
        cluster.client.services().inNamespace(ns).withName("svc").edit(x -> {
            x.getSpec().setType("ClusterIP");
            return x;
        });
        await().atMost(WAIT).until(() -> !lbNames().contains(ns + "-svc-tcp"));
        await().atMost(WAIT)
                .until(() -> get(ns, "svc").getMetadata().getFinalizers() == null
                        || !get(ns, "svc").getMetadata().getFinalizers().contains(Keys.LOADBALANCER_FINALIZER));
        assertEquals(List.of(), ips(get(ns, "svc")));
        assertNull(get(ns, "svc-ext"));
        await().atMost(WAIT)
                .until(() -> eip(ns, "default-gw").getStatus().getOwners().stream()
                        .noneMatch(o -> EIpOwner.SERVICE_LB.equals(o.getType())));
    }

    @Test
    void theSeedExamplesAppliedAsTheSandboxDoesExposeNginxTheVmSshAndEveryGatewayRoute() {
        // as the sandbox does, in file order; the test server has no discovery for our CRDs, so Projects go typed
        try (var files = java.nio.file.Files.list(com.kubedc.net.testkit.Repo.path("examples"))) {
            for (var f : files.sorted().toList()) {
                for (var o : cluster.client
                        .load(java.nio.file.Files.newInputStream(f))
                        .items()) {
                    var typed = "Project".equals(o.getKind())
                            ? Serialization.unmarshal(Serialization.asJson(o), com.kubedc.net.api.v1.Project.class)
                            : o;
                    if ("Namespace".equals(o.getKind())) {
                        cluster.organization(o.getMetadata().getName());
                    } else {
                        cluster.client.resource(typed).create();
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        cluster.awaitReady("demo", "cloud-app");
        String ns = "demo-cloud-app";
        String gw = eip(ns, "default-gw").getStatus().getIpAddress();
        assertEquals(gw, awaitIngress(ns, "nginx"));
        assertEquals(gw, awaitIngress(ns, "vm-ssh"));
        slice(Services.slice(ns, "vm-ssh", List.of("10.0.10.20"), "ssh=22"));
        await().atMost(WAIT).until(() -> Map.of(gw + ":2222", "10.0.10.20:22").equals(vips(ns + "-vm-ssh-tcp")));
        assertEquals(Map.of(gw + ":80", "", gw + ":443", ""), vips(ns + "-nginx-tcp"));

        var routes = new com.kubedc.net.support.Routes(cluster);
        String base = TestCluster.BASE_DOMAIN;
        assertEquals("web-" + ns + "." + base, routes.awaitPublished(ns, "web"));
        assertEquals("shop-" + ns + "." + base, routes.awaitPublished(ns, "shop"));
        assertEquals("api-" + ns + "." + base, routes.awaitPublished(ns, "api"));
        assertEquals("kube-api-" + ns + "." + base, routes.awaitPublished(ns, "kube-api"));
        assertEquals("portal.example.com", routes.awaitPublished(ns, "portal"));
        assertEquals(
                8080,
                cluster.client
                        .resources(com.kubedc.net.thirdparty.envoy.Backend.class)
                        .inNamespace(ns)
                        .withName("shop-backend")
                        .get()
                        .getSpec()
                        .endpoints()
                        .get(0)
                        .ip()
                        .port());
    }
}
