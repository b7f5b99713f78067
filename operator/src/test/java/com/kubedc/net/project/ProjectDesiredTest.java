package com.kubedc.net.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.network.ExternalNetworks;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import com.kubedc.net.vocabulary.Keys;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectDesiredTest {
    static final ExternalNetworks NETS = ExternalNetworks.from(List.of(Fixtures.extCloud(), Fixtures.extPublic()));
    static final ProjectSettings SETTINGS = new ProjectSettings(true, false, List.of(), List.of(), true, true, 1);

    static Plan plan(Project p) {
        return ((ProjectValidation.Good) ProjectValidation.validate(
                        new ProjectInputs(
                                p, NETS, null, null, null, null, List.of(), null, null, null, List.of(), List.of(),
                                List.of()),
                        SETTINGS))
                .plan();
    }

    final Project cloud = Fixtures.project("acme", "dev", "10.0.10.0/24", "cloud");
    final Project pub = Fixtures.project("acme", "web", "10.0.20.0/24", "public");

    @Test
    void namespaceIsOrgDashProjectWithLabelAndOwnerAnnotation() {
        var ns = ProjectDesired.namespace(cloud, plan(cloud));
        assertEquals("acme-dev", ns.getMetadata().getName());
        assertEquals("", ns.getMetadata().getLabels().get(Keys.PROJECT));
        assertEquals("acme/dev", ns.getMetadata().getAnnotations().get(Keys.PROJECT));
    }

    @Test
    void vpcOfACloudProjectRoutesDefaultToTheCloudGatewayWithoutExtraSubnets() {
        Vpc vpc = ProjectDesired.vpc(cloud, plan(cloud), NETS, SETTINGS, List.of());
        assertEquals("acme-dev", vpc.getMetadata().getName());
        assertEquals(List.of("acme-dev"), vpc.getSpec().namespaces());
        assertEquals(Boolean.TRUE, vpc.getSpec().enableExternal());
        assertEquals(
                List.of(new Vpc.StaticRoute("policyDst", "0.0.0.0/0", "100.65.0.1")),
                vpc.getSpec().staticRoutes());
        assertEquals(List.of(), vpc.getSpec().extraExternalSubnets());
        assertEquals(2, vpc.getSpec().policyRoutes().size());
    }

    @Test
    void vpcOfAPublicProjectAttachesExtPublicAsExtraSubnetAndRoutesThroughItsGateway() {
        Vpc vpc = ProjectDesired.vpc(pub, plan(pub), NETS, SETTINGS, List.of());
        assertEquals(List.of("ext-public"), vpc.getSpec().extraExternalSubnets());
        assertEquals("168.119.17.49", vpc.getSpec().staticRoutes().get(0).nextHopIP());
    }

    @Test
    void networksOfTheNamespacesEIpsAreAttachedExceptTheDefaultOne() {
        Vpc vpc = ProjectDesired.vpc(cloud, plan(cloud), NETS, SETTINGS, List.of("ext-public", "ext-cloud"));
        assertEquals(List.of("ext-public"), vpc.getSpec().extraExternalSubnets());
        Vpc pubVpc = ProjectDesired.vpc(pub, plan(pub), NETS, SETTINGS, List.of("ext-public"));
        assertEquals(
                List.of("ext-public"), pubVpc.getSpec().extraExternalSubnets(), "no duplicate of the egress network");
    }

    @Test
    void anFIpWhoseEIpIsOnAnotherNetworkThanTheEgressOneIsReroutedThroughThatNetworksGateway() {
        Vpc vpc = ProjectDesired.vpc(
                cloud,
                plan(cloud),
                NETS,
                SETTINGS,
                List.of("ext-public"),
                List.of(
                        new ProjectInputs.SourceRoute(30000, "10.0.10.5", "ext-public"),
                        new ProjectInputs.SourceRoute(30000, "10.0.10.6", "ext-cloud")));
        var reroutes = vpc.getSpec().policyRoutes().stream()
                .filter(r -> r.priority() == 30000)
                .toList();
        assertEquals(List.of(new Vpc.PolicyRoute(30000, "ip4.src == 10.0.10.5", "reroute", "168.119.17.49")), reroutes);
    }

    @Test
    void subnetHasTheExactCidrTheVpcTheNamespaceAndTheFirstAddressAsGateway() {
        var s = ProjectDesired.subnet(cloud, plan(cloud));
        assertEquals("acme-dev-default", s.getMetadata().getName());
        assertEquals("10.0.10.0/24", s.getSpec().cidrBlock());
        assertEquals("acme-dev", s.getSpec().vpc());
        assertEquals(List.of("acme-dev"), s.getSpec().namespaces());
        assertEquals("10.0.10.1", s.getSpec().gateway());
        assertEquals("default.acme-dev.ovn", s.getSpec().provider());
    }

    @Test
    void nadNamesKubeOvnAndTheSubnetProvider() {
        var nad = ProjectDesired.nad(cloud, plan(cloud));
        assertEquals("default", nad.getMetadata().getName());
        assertEquals("acme-dev", nad.getMetadata().getNamespace());
        assertTrue(nad.getSpec().config().contains("\"type\":\"kube-ovn\""));
        assertTrue(nad.getSpec().config().contains("\"provider\":\"default.acme-dev.ovn\""));
    }

    @Test
    void gatewayOvnEipDefaultGwEIpAndSnatAllNameTheEgressNetwork() {
        Plan plan = plan(pub);
        var gw = ProjectDesired.gatewayOvnEip(pub, plan);
        assertEquals("acme-web-ext-public", gw.getMetadata().getName());
        assertEquals("ext-public", gw.getSpec().externalSubnet());
        assertEquals("lrp", gw.getSpec().type());
        var eip = ProjectDesired.defaultGw(pub, plan);
        assertEquals("default-gw", eip.getMetadata().getName());
        assertEquals("acme-web", eip.getMetadata().getNamespace());
        assertEquals("acme-web-ext-public", eip.getSpec().getChildRef());
        var snat = ProjectDesired.snat(pub, plan);
        assertEquals("acme-web", snat.getMetadata().getName());
        assertEquals("acme-web-ext-public", snat.getSpec().ovnEip());
        assertEquals("acme-web-default", snat.getSpec().vpcSubnet());
    }

    @Test
    void vpcDnsServesTheProjectVpcFromItsSubnet() {
        var dns = ProjectDesired.vpcDns(cloud, plan(cloud), SETTINGS);
        assertEquals("acme-dev", dns.getMetadata().getName());
        assertEquals("acme-dev", dns.getSpec().vpc());
        assertEquals("acme-dev-default", dns.getSpec().subnet());
        assertEquals(1, dns.getSpec().replicas());
    }

    @Test
    void everyChildCarriesOwnerLabels() {
        var vpc = ProjectDesired.vpc(cloud, plan(cloud), NETS, SETTINGS, List.of());
        assertEquals("kube-dc-net", vpc.getMetadata().getLabels().get(Keys.MANAGED_BY));
        assertEquals("Project", vpc.getMetadata().getLabels().get(Keys.OWNER_KIND));
        assertEquals("acme", vpc.getMetadata().getLabels().get(Keys.OWNER_NAMESPACE));
        assertEquals("dev", vpc.getMetadata().getLabels().get(Keys.OWNER_NAME));
    }
}
