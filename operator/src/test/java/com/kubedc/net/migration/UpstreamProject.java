package com.kubedc.net.migration;

import static com.kubedc.net.migration.MigrationTest.*;
import static org.awaitility.Awaitility.await;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpOwner;
import com.kubedc.net.api.v1.EIpSpec;
import com.kubedc.net.api.v1.EIpStatus;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.api.v1.FIpStatus;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.api.v1.ProjectStatus;
import com.kubedc.net.gatewayroute.RouteDesired;
import com.kubedc.net.loadbalancer.ExtCompanion;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.testkit.LocalNb;
import com.kubedc.net.testkit.SeedGateway;
import com.kubedc.net.thirdparty.cni.NetworkAttachmentDefinition;
import com.kubedc.net.thirdparty.envoy.Backend;
import com.kubedc.net.thirdparty.kubeovn.KubeOvn;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.OvnFip;
import com.kubedc.net.thirdparty.kubeovn.OvnSnatRule;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import com.kubedc.net.thirdparty.kubeovn.VpcDns;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A converged Project as upstream's manager (and Kube-OVN) leave it, written by the test's own
 * client while no controller of ours runs: upstream's names, labels, annotations, finalizers and
 * ownerReferences, statuses as upstream reports them, load balancers in the OVN NB.
 */
final class UpstreamProject {
    private UpstreamProject() {}

    /** Seeds the converged Project and waits until Kube-OVN (the emulator) has nothing left to do. */
    static void seed(TestCluster cluster, LocalNb nb) {
        var c = cluster.client;
        cluster.organization(ORG);
        Project p = Fixtures.project(ORG, PROJECT, CIDR, "cloud");
        p.getMetadata().setUid(null);
        p.getMetadata().setFinalizers(List.of(Keys.PROJECT_FINALIZER));
        p = c.resource(p).create();
        ProjectStatus ps = new ProjectStatus();
        ps.setReady(true);
        ps.setNamespace(NS);
        p.setStatus(ps);
        c.resource(p).updateStatus();

        c.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NS)
                        .withLabels(Map.of(Keys.PROJECT, ""))
                        .withAnnotations(Map.of(Keys.PROJECT, ORG + "/" + PROJECT))
                        .endMetadata()
                        .build())
                .create();
        // OvnEips first (Kube-OVN gives them addresses), marked as upstream's EIp controller marks them
        c.resource(upstreamOvnEip(GW_OVN_EIP, "ext-cloud", KubeOvn.EIP_TYPE_LRP, "default-gw"))
                .create();
        c.resource(upstreamOvnEip(PUBLIC_OVN_EIP, "ext-public", KubeOvn.EIP_TYPE_NAT, "public-ip"))
                .create();
        c.resource(upstreamOvnEip(API_OVN_EIP, "ext-cloud", KubeOvn.EIP_TYPE_NAT, API_EIP))
                .create();
        c.resource(upstreamOvnEip(DB_OVN_EIP, "ext-cloud", KubeOvn.EIP_TYPE_NAT, DB_EIP))
                .create();
        String gwIp = await().atMost(Duration.ofSeconds(20)).until(() -> address(cluster, GW_OVN_EIP), x -> x != null);
        String publicIp =
                await().atMost(Duration.ofSeconds(20)).until(() -> address(cluster, PUBLIC_OVN_EIP), x -> x != null);
        String apiIp =
                await().atMost(Duration.ofSeconds(20)).until(() -> address(cluster, API_OVN_EIP), x -> x != null);
        String dbIp = await().atMost(Duration.ofSeconds(20)).until(() -> address(cluster, DB_OVN_EIP), x -> x != null);

        c.resource(vpc(cluster, List.of(gwIp, publicIp, apiIp, dbIp))).create();
        Subnet subnet = new Subnet();
        subnet.setMetadata(new ObjectMetaBuilder().withName(NS + "-default").build());
        subnet.setSpec(new Subnet.Spec(
                NS, "IPv4", List.of(NS), CIDR, "10.77.0.1", null, "default." + NS + ".ovn", null, null, null, null));
        c.resource(subnet).create();
        NetworkAttachmentDefinition nad = new NetworkAttachmentDefinition();
        nad.setMetadata(new ObjectMetaBuilder()
                .withNamespace(NS)
                .withName("default")
                .withFinalizers(Keys.PROJECT_FINALIZER)
                .build());
        nad.setSpec(new NetworkAttachmentDefinition.Spec("{\"cniVersion\":\"0.3.0\",\"type\":\"kube-ovn\","
                + "\"server_socket\":\"/run/openvswitch/kube-ovn-daemon.sock\",\"provider\":\"default." + NS
                + ".ovn\"}"));
        c.resource(nad).create();
        VpcDns dns = new VpcDns();
        dns.setMetadata(new ObjectMetaBuilder().withName(NS).build());
        dns.setSpec(new VpcDns.Spec(1, NS, NS + "-default"));
        c.resource(dns).create();
        OvnSnatRule snat = new OvnSnatRule();
        snat.setMetadata(new ObjectMetaBuilder().withName(NS).build());
        snat.setSpec(new OvnSnatRule.Spec(GW_OVN_EIP, NS + "-default", null, NS, null));
        c.resource(snat).create();

        EIp defaultGw = eip("default-gw", GW_OVN_EIP, null);
        c.resource(defaultGw).create();
        status(
                cluster,
                defaultGw,
                gwIp,
                GW_OVN_EIP,
                "Shared",
                List.of(new EIpOwner(EIpOwner.SERVICE_LB, "web"), new EIpOwner(EIpOwner.SNAT, NS)));
        EIp publicEip = eip("public-ip", null, "public");
        c.resource(publicEip).create();
        status(cluster, publicEip, publicIp, PUBLIC_OVN_EIP, "Exclusive", List.of(new EIpOwner(EIpOwner.FIP, "vm")));

        OvnFip ofip = new OvnFip();
        ofip.setMetadata(new ObjectMetaBuilder().withName(OVN_FIP).build());
        ofip.setSpec(new OvnFip.Spec(PUBLIC_OVN_EIP, null, null, NS, "10.77.0.5", null));
        c.resource(ofip).create();
        FIp fip = Fixtures.fip(NS, "vm", "public-ip", "10.77.0.5");
        fip = c.resource(fip).create();
        FIpStatus fs = new FIpStatus();
        fs.setReady(true);
        fs.setEip("public-ip");
        fs.setExternalIP(publicIp);
        fs.setOvnFip(OVN_FIP);
        fs.setResolvedTargetIP("10.77.0.5");
        fip.setStatus(fs);
        c.resource(fip).updateStatus();

        // an FIp without spec.eip: upstream's manager made it an EIp of its own, fip-<fip>-<5 random>, owned by the FIp
        FIp db = Fixtures.fip(NS, "db", null, "10.77.0.6");
        db.getSpec().setExternalNetworkType("cloud");
        db = c.resource(db).create();
        EIp dbEip = eip(DB_EIP, null, "cloud");
        dbEip.getMetadata()
                .setOwnerReferences(List.of(new OwnerReferenceBuilder()
                        .withApiVersion(db.getApiVersion())
                        .withKind("FIp")
                        .withName("db")
                        .withUid(db.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build()));
        c.resource(dbEip).create();
        status(cluster, dbEip, dbIp, DB_OVN_EIP, "Exclusive", List.of(new EIpOwner(EIpOwner.FIP, "db")));
        OvnFip dbNat = new OvnFip();
        dbNat.setMetadata(new ObjectMetaBuilder().withName(DB_OVN_FIP).build());
        dbNat.setSpec(new OvnFip.Spec(DB_OVN_EIP, null, null, NS, "10.77.0.6", null));
        c.resource(dbNat).create();
        FIpStatus ds = new FIpStatus();
        ds.setReady(true);
        ds.setEip(DB_EIP);
        ds.setExternalIP(dbIp);
        ds.setOvnFip(DB_OVN_FIP);
        ds.setResolvedTargetIP("10.77.0.6");
        db.setStatus(ds);
        c.resource(db).updateStatus();

        // exposed on the shared Gateway too: upstream wrote the hostname it published
        Service web = c.resource(Services.loadBalancer(
                        NS,
                        "web",
                        Map.of(
                                Keys.BIND_ON_DEFAULT_GW,
                                "true",
                                Keys.EXPOSE_ROUTE,
                                "http",
                                Keys.ROUTE_HOSTNAME_STATUS,
                                HOSTNAME),
                        "http:80>8080"))
                .create();
        c.resource(Services.slice(NS, "web", List.of("10.77.0.10"), "http=8080"))
                .create();
        web.setStatus(new ServiceStatusBuilder()
                .withNewLoadBalancer()
                .withIngress(new LoadBalancerIngressBuilder().withIp(gwIp).build())
                .endLoadBalancer()
                .build());
        c.resource(web).updateStatus();
        extCompanion(cluster, web, "http", 80, gwIp);
        // its Envoy Backend and HTTPRoute on the platform's http listener (spec §7.6, §8.3), owned by the Service
        var webOwner = new OwnerReferenceBuilder()
                .withApiVersion("v1")
                .withKind("Service")
                .withName("web")
                .withUid(web.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
        Backend backend = new Backend();
        backend.setMetadata(new ObjectMetaBuilder()
                .withNamespace(NS)
                .withName("web-backend")
                .withOwnerReferences(webOwner)
                .build());
        backend.setSpec(new Backend.Spec(List.of(new Backend.Endpoint(new Backend.Ip(gwIp, 80)))));
        c.resource(backend).create();
        c.resource(new HTTPRouteBuilder()
                        .withNewMetadata()
                        .withNamespace(NS)
                        .withName("web-route")
                        .withOwnerReferences(webOwner)
                        .endMetadata()
                        .withNewSpec()
                        .addNewParentRef()
                        .withGroup(RouteDesired.GATEWAY_GROUP)
                        .withKind("Gateway")
                        .withName(SeedGateway.NAME)
                        .withNamespace(SeedGateway.NAMESPACE)
                        .withSectionName("http")
                        .endParentRef()
                        .withHostnames(HOSTNAME)
                        .addNewRule()
                        .addNewBackendRef()
                        .withGroup(RouteDesired.ENVOY_GROUP)
                        .withKind("Backend")
                        .withName("web-backend")
                        .withPort(80)
                        .endBackendRef()
                        .endRule()
                        .endSpec()
                        .build())
                .create();

        // a Service without a binding: upstream's manager made it an EIp of its own, slb-<svc>-<5 random>, owned by the
        // Service
        Service api = c.resource(Services.loadBalancer(NS, "api", Map.of(), "grpc:9000>9000"))
                .create();
        c.resource(Services.slice(NS, "api", List.of("10.77.0.11"), "grpc=9000"))
                .create();
        EIp apiEip = eip(API_EIP, null, "cloud");
        apiEip.getMetadata()
                .setOwnerReferences(List.of(new OwnerReferenceBuilder()
                        .withApiVersion("v1")
                        .withKind("Service")
                        .withName("api")
                        .withUid(api.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build()));
        c.resource(apiEip).create();
        status(cluster, apiEip, apiIp, API_OVN_EIP, "Shared", List.of(new EIpOwner(EIpOwner.SERVICE_LB, "api")));
        api.setStatus(new ServiceStatusBuilder()
                .withNewLoadBalancer()
                .withIngress(new LoadBalancerIngressBuilder().withIp(apiIp).build())
                .endLoadBalancer()
                .build());
        c.resource(api).updateStatus();
        extCompanion(cluster, api, "grpc", 9000, apiIp);

        // Kube-OVN made the project router and switch; upstream's manager put its load balancer on both
        await().atMost(Duration.ofSeconds(20))
                .until(() -> nb.nbctl("--bare", "--columns=name", "list", "Logical_Router")
                                .contains(NS)
                        && nb.nbctl("--bare", "--columns=name", "list", "Logical_Switch")
                                .contains(NS + "-default"));
        nb.nbctl("lb-add", LB_ROW, gwIp + ":80", "10.77.0.10:8080", "tcp");
        // upstream's external_ids keys are not documented: a stand-in key shows that adoption keeps them
        nb.nbctl("set", "Load_Balancer", LB_ROW, "external_ids:upstream-marker=" + NS + "/web");
        nb.nbctl("lr-lb-add", NS, LB_ROW);
        nb.nbctl("ls-lb-add", NS + "-default", LB_ROW);
        nb.nbctl("lb-add", API_ROW, apiIp + ":9000", "10.77.0.11:9000", "tcp");
        nb.nbctl("lr-lb-add", NS, API_ROW);
        nb.nbctl("ls-lb-add", NS + "-default", API_ROW);
        // Kube-OVN has programmed everything (statuses, finalizers) before our controller starts
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            OvnFip f = c.resources(OvnFip.class).withName(OVN_FIP).get();
            OvnSnatRule r = c.resources(OvnSnatRule.class).withName(NS).get();
            Vpc v = c.resources(Vpc.class).withName(NS).get();
            return f.getStatus() != null
                    && Boolean.TRUE.equals(f.getStatus().ready())
                    && r.getStatus() != null
                    && v.getStatus() != null
                    && c.resources(OvnEip.class).withName(NS + "-ext-public").get() != null
                    && address(cluster, NS + "-ext-public") != null;
        });
        waitForEmulator(cluster);
    }

    /** Upstream's {@code <svc>-ext} companion (spec §7.5): headless Service and Endpoints with its labels, owned by the Service. */
    static void extCompanion(TestCluster cluster, Service svc, String port, int number, String ip) {
        var c = cluster.client;
        String name = svc.getMetadata().getName() + "-ext";
        Map<String, String> labels = Map.of(
                Keys.UPSTREAM_MANAGED_BY,
                ExtCompanion.MANAGED_BY_VALUE,
                Keys.SOURCE_SERVICE,
                svc.getMetadata().getName(),
                Keys.ENDPOINT_TYPE,
                "external");
        Service ext = c.resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withNamespace(NS)
                        .withName(name)
                        .withLabels(labels)
                        .withOwnerReferences(new OwnerReferenceBuilder()
                                .withApiVersion("v1")
                                .withKind("Service")
                                .withName(svc.getMetadata().getName())
                                .withUid(svc.getMetadata().getUid())
                                .withController(true)
                                .build())
                        .endMetadata()
                        .withNewSpec()
                        .withType("ClusterIP")
                        .withClusterIP("None")
                        .addNewPort()
                        .withName(port)
                        .withPort(number)
                        .withProtocol("TCP")
                        .endPort()
                        .endSpec()
                        .build())
                .create();
        c.resource(new EndpointsBuilder()
                        .withNewMetadata()
                        .withNamespace(NS)
                        .withName(name)
                        .withLabels(labels)
                        .withOwnerReferences(new OwnerReferenceBuilder()
                                .withApiVersion("v1")
                                .withKind("Service")
                                .withName(name)
                                .withUid(ext.getMetadata().getUid())
                                .withController(true)
                                .build())
                        .endMetadata()
                        .addNewSubset()
                        .addNewAddress()
                        .withIp(ip)
                        .endAddress()
                        .addNewPort()
                        .withName(port)
                        .withPort(number)
                        .withProtocol("TCP")
                        .endPort()
                        .endSubset()
                        .build())
                .create();
    }

    /** What upstream's EIp controller leaves on an OvnEip: label and annotation {@code <ns>.<eip>}. */
    static OvnEip upstreamOvnEip(String name, String subnet, String type, String eip) {
        OvnEip o = new OvnEip();
        o.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withLabels(Map.of(Keys.EIP, NS + "." + eip))
                .withAnnotations(Map.of(Keys.EIP_CREATED_BY, NS + "." + eip))
                .build());
        o.setSpec(new OvnEip.Spec(subnet, null, null, type));
        return o;
    }

    /**
     * The project VPC as upstream writes it (spec §4.1, §6.4, §9): its namespace, the default route
     * to ext-cloud's gateway, the secondary network its FIp's EIp uses and the 30000 reroute of the
     * FIp's target, and egress isolation: a 29500 allow per EIp address and a 29000 drop per
     * external network; sorted highest priority first, then by match (upstream's order within a
     * priority is not documented: this is ours).
     */
    static Vpc vpc(TestCluster cluster, List<String> eipAddresses) {
        List<Vpc.PolicyRoute> routes = new ArrayList<>();
        eipAddresses.forEach(a -> routes.add(new Vpc.PolicyRoute(29500, "ip4.dst == " + a, "allow", null)));
        // the FIp's EIp is on ext-public, not the project's egress network: its target leaves through ext-public's
        // gateway (§6.4)
        String publicGw = cluster.client
                .resources(Subnet.class)
                .withName("ext-public")
                .get()
                .getSpec()
                .gateway();
        routes.add(new Vpc.PolicyRoute(30000, "ip4.src == 10.77.0.5", "reroute", publicGw));
        for (Subnet s : cluster.client.resources(Subnet.class).list().getItems()) {
            if (s.getMetadata().getLabels() != null
                    && s.getMetadata().getLabels().containsKey(Keys.EXTERNAL_NETWORK_TYPE)) {
                routes.add(new Vpc.PolicyRoute(
                        29000,
                        "ip4.dst == " + s.getSpec().cidrBlock() + " && ip4.dst != "
                                + s.getSpec().gateway() + " && ct.new",
                        "drop",
                        null));
            }
        }
        routes.sort(
                Comparator.comparingInt(Vpc.PolicyRoute::priority).reversed().thenComparing(Vpc.PolicyRoute::match));
        Vpc v = new Vpc();
        v.setMetadata(new ObjectMetaBuilder()
                .withName(NS)
                .withAnnotations(Map.of("network.kube-dc.com/default-gw-subnet-name", "ext-cloud"))
                .build());
        v.setSpec(new Vpc.Spec(
                List.of(NS),
                List.of(new Vpc.StaticRoute(
                        KubeOvn.POLICY_DST,
                        "0.0.0.0/0",
                        Fixtures.extCloud().getSpec().gateway())),
                routes,
                true,
                List.of("ext-public")));
        return v;
    }

    static EIp eip(String name, String childRef, String type) {
        EIp e = new EIp();
        e.setMetadata(new ObjectMetaBuilder()
                .withNamespace(NS)
                .withName(name)
                .withFinalizers(Keys.EIP_FINALIZER)
                .build());
        EIpSpec spec = new EIpSpec();
        spec.setChildRef(childRef);
        spec.setExternalNetworkType(type);
        e.setSpec(spec);
        return e;
    }

    static void status(TestCluster cluster, EIp e, String ip, String ovnEip, String ownership, List<EIpOwner> owners) {
        EIp live = cluster.client
                .resources(EIp.class)
                .inNamespace(NS)
                .withName(e.getMetadata().getName())
                .get();
        EIpStatus s = new EIpStatus();
        s.setReady(true);
        s.setIpAddress(ip);
        s.setOvnEIpRef(ovnEip);
        s.setOwnershipType(ownership);
        s.setOwners(owners);
        live.setStatus(s);
        cluster.client.resource(live).updateStatus();
    }

    /** The emulator has nothing left to do: two reads a second apart see the same resource versions. */
    static void waitForEmulator(TestCluster cluster) {
        Supplier<String> versions = () -> String.join(
                ",",
                cluster.client.resources(OvnEip.class).list().getMetadata().getResourceVersion(),
                cluster.client.resources(Vpc.class).list().getMetadata().getResourceVersion());
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofSeconds(1))
                .until(new java.util.concurrent.Callable<Boolean>() {
                    String last = "";

                    @Override
                    public Boolean call() {
                        String now = versions.get();
                        boolean same = now.equals(last);
                        last = now;
                        return same;
                    }
                });
    }
}
