package com.kubedc.net.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.common.Owners;
import com.kubedc.net.network.ExternalNetworks;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProjectValidationTest {
    static final ProjectSettings SETTINGS = new ProjectSettings(true, false, List.of(), List.of(), false, true, 1);
    static final ProjectSettings PUBLIC_OK = new ProjectSettings(true, false, List.of(), List.of(), true, true, 1);
    static final List<Subnet> BOTH = List.of(Fixtures.extCloud(), Fixtures.extPublic());

    static ProjectInputs inputs(Project p, List<Subnet> subnets, Namespace ns, List<OvnEip> gateways) {
        return new ProjectInputs(
                p,
                ExternalNetworks.from(subnets),
                ns,
                null,
                null,
                null,
                gateways,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of());
    }

    static Namespace namespace(String name, String owner) {
        return new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .withAnnotations(owner == null ? Map.of() : Map.of(Keys.PROJECT, owner))
                .endMetadata()
                .build();
    }

    static Stream<Arguments> badInputs() {
        Project cloud = Fixtures.project("acme", "dev", "10.0.0.0/24", "cloud");
        return Stream.of(
                Arguments.of(
                        "malformed cidrBlock",
                        Fixtures.project("acme", "dev", "10.0.0/24", "cloud"),
                        BOTH,
                        null,
                        List.of(),
                        SETTINGS,
                        Reasons.INVALID_CIDR),
                Arguments.of(
                        "cidrBlock with host bits",
                        Fixtures.project("acme", "dev", "10.0.0.5/24", "cloud"),
                        BOTH,
                        null,
                        List.of(),
                        SETTINGS,
                        Reasons.INVALID_CIDR),
                Arguments.of(
                        "prefix out of range",
                        Fixtures.project("acme", "dev", "10.0.0.0/33", "cloud"),
                        BOTH,
                        null,
                        List.of(),
                        SETTINGS,
                        Reasons.INVALID_CIDR),
                Arguments.of(
                        "cidr overlapping ext-cloud",
                        Fixtures.project("acme", "dev", "100.65.128.0/24", "cloud"),
                        BOTH,
                        null,
                        List.of(),
                        SETTINGS,
                        Reasons.CIDR_OVERLAPS_EXTERNAL),
                Arguments.of(
                        "cidr containing ext-public",
                        Fixtures.project("acme", "dev", "168.119.0.0/16", "cloud"),
                        BOTH,
                        null,
                        List.of(),
                        SETTINGS,
                        Reasons.CIDR_OVERLAPS_EXTERNAL),
                Arguments.of(
                        "egress type with no network",
                        Fixtures.project("acme", "dev", "10.0.0.0/24", "public"),
                        List.of(Fixtures.extCloud()),
                        null,
                        List.of(),
                        PUBLIC_OK,
                        Reasons.NO_EXTERNAL_NETWORK),
                Arguments.of(
                        "unknown egress type",
                        Fixtures.project("acme", "dev", "10.0.0.0/24", "internet"),
                        BOTH,
                        null,
                        List.of(),
                        SETTINGS,
                        Reasons.INVALID_EGRESS_TYPE),
                Arguments.of(
                        "public when not allowed",
                        Fixtures.project("acme", "dev", "10.0.0.0/24", "public"),
                        BOTH,
                        null,
                        List.of(),
                        SETTINGS,
                        Reasons.PUBLIC_NOT_ALLOWED),
                Arguments.of(
                        "namespace of another project",
                        cloud,
                        BOTH,
                        namespace("acme-dev", "acme-x/y"),
                        List.of(),
                        SETTINGS,
                        Reasons.NAMESPACE_CONFLICT),
                Arguments.of(
                        "namespace without owner",
                        cloud,
                        BOTH,
                        namespace("acme-dev", null),
                        List.of(),
                        SETTINGS,
                        Reasons.NAMESPACE_CONFLICT),
                Arguments.of(
                        "gateway network disappeared",
                        cloud,
                        List.of(Fixtures.extPublic()),
                        namespace("acme-dev", "acme/dev"),
                        List.of(gatewayEip(cloud, "acme-dev-ext-cloud", "ext-cloud")),
                        SETTINGS,
                        Reasons.EXTERNAL_NETWORK_GONE),
                Arguments.of(
                        "bad egress allowlist entry",
                        Fixtures.withAnnotation(
                                Fixtures.project("acme", "dev", "10.0.0.0/24", "cloud"),
                                Keys.EGRESS_ALLOWLIST,
                                "1.2.3.4,not-an-ip"),
                        BOTH,
                        null,
                        List.of(),
                        SETTINGS,
                        Reasons.INVALID_ALLOWLIST),
                Arguments.of(
                        "gwLanIp outside cidr",
                        withGwLanIp(Fixtures.project("acme", "dev", "10.0.0.0/24", "cloud"), "10.0.1.1"),
                        BOTH,
                        null,
                        List.of(),
                        SETTINGS,
                        Reasons.INVALID_GW_LAN_IP));
    }

    static Project withGwLanIp(Project p, String ip) {
        p.getSpec().setGwLanIp(ip);
        return p;
    }

    static OvnEip gatewayEip(Project owner, String name, String subnet) {
        OvnEip e = new OvnEip();
        e.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
        e.getMetadata().setName(name);
        e.getMetadata().setLabels(Owners.labels(owner));
        e.setSpec(new OvnEip.Spec(subnet, null, null, "lrp"));
        return e;
    }

    @ParameterizedTest(name = "{0} → {6}")
    @MethodSource("badInputs")
    void badInputIsAProblemWithItsReason(
            String what,
            Project p,
            List<Subnet> nets,
            Namespace ns,
            List<OvnEip> gws,
            ProjectSettings settings,
            String reason) {
        var result = ProjectValidation.validate(inputs(p, nets, ns, gws), settings);
        var bad = assertInstanceOf(ProjectValidation.Bad.class, result, what);
        assertEquals(reason, bad.problem().reason());
        assertTrue(!bad.problem().message().isBlank());
    }

    static ProjectInputs provisioned(Project p, Subnet live) {
        return new ProjectInputs(
                p,
                ExternalNetworks.from(BOTH),
                namespace("acme-dev", "acme/dev"),
                null,
                live,
                null,
                List.of(),
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of());
    }

    static Subnet liveSubnet(Project owner, String cidr) {
        Subnet s = new Subnet();
        s.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
        s.getMetadata().setName("acme-dev-default");
        s.getMetadata().setLabels(owner == null ? Map.of() : Owners.labels(owner));
        s.setSpec(new Subnet.Spec(
                "acme-dev", "IPv4", List.of("acme-dev"), cidr, null, null, null, null, null, null, null));
        return s;
    }

    static Stream<Arguments> cidrAgainstTheLiveSubnet() {
        return Stream.of(
                Arguments.of("unchanged", "10.0.0.0/24", "10.0.0.0/24", true, null),
                Arguments.of(
                        "changed on a provisioned project",
                        "10.0.8.0/22",
                        "10.0.0.0/24",
                        true,
                        Reasons.CIDR_BLOCK_IMMUTABLE),
                Arguments.of("narrowed", "10.0.0.0/25", "10.0.0.0/24", true, Reasons.CIDR_BLOCK_IMMUTABLE),
                Arguments.of(
                        "Subnet made with another block (older version, edited)",
                        "10.0.0.0/24",
                        "10.9.0.0/24",
                        true,
                        Reasons.CIDR_BLOCK_IMMUTABLE),
                Arguments.of("Subnet without a block yet", "10.0.0.0/24", null, true, null),
                Arguments.of(
                        "Subnet made by upstream's manager (no owner labels yet)",
                        "10.0.8.0/22",
                        "10.0.0.0/24",
                        false,
                        Reasons.CIDR_BLOCK_IMMUTABLE),
                Arguments.of(
                        "Subnet made by upstream's manager, same block", "10.0.0.0/24", "10.0.0.0/24", false, null),
                Arguments.of(
                        "malformed new block: the parse speaks first",
                        "10.0.0/24",
                        "10.0.0.0/24",
                        true,
                        Reasons.INVALID_CIDR));
    }

    @ParameterizedTest(name = "{0}: spec {1}, Subnet {2} → {4}")
    @MethodSource("cidrAgainstTheLiveSubnet")
    void theBlockOfALiveSubnetIsFixed(String what, String spec, String live, boolean ours, String reason) {
        Project p = Fixtures.project("acme", "dev", spec, "cloud");
        var result = ProjectValidation.validate(provisioned(p, liveSubnet(ours ? p : null, live)), SETTINGS);
        if (reason == null) {
            assertInstanceOf(ProjectValidation.Good.class, result, what);
        } else {
            var bad = assertInstanceOf(ProjectValidation.Bad.class, result, what);
            assertEquals(reason, bad.problem().reason(), what);
        }
    }

    @Test
    void theImmutableBlockMessageNamesBothBlocksAndTheWayBack() {
        Project p = Fixtures.project("acme", "dev", "10.0.8.0/22", "cloud");
        var bad = assertInstanceOf(
                ProjectValidation.Bad.class,
                ProjectValidation.validate(provisioned(p, liveSubnet(p, "10.0.0.0/24")), SETTINGS));
        assertTrue(
                bad.problem().message().contains("10.0.8.0/22"), bad.problem().message());
        assertTrue(
                bad.problem().message().contains("set cidrBlock back to 10.0.0.0/24"),
                bad.problem().message());
    }

    @Test
    void cloudProjectEgressesThroughTheDefaultExternalNetwork() {
        var good = assertInstanceOf(
                ProjectValidation.Good.class,
                ProjectValidation.validate(
                        inputs(Fixtures.project("acme", "dev", "10.0.0.0/24", "cloud"), BOTH, null, List.of()),
                        SETTINGS));
        assertEquals("ext-cloud", good.plan().egress().name());
        assertEquals("acme-dev", good.plan().namespace());
    }

    @Test
    void publicProjectEgressesThroughExtPublicWhenAllowed() {
        var good = assertInstanceOf(
                ProjectValidation.Good.class,
                ProjectValidation.validate(
                        inputs(Fixtures.project("acme", "web", "10.0.0.0/24", "public"), BOTH, null, List.of()),
                        PUBLIC_OK));
        assertEquals("ext-public", good.plan().egress().name());
    }

    @Test
    void anAlreadyProvisionedPublicProjectKeepsWorkingWhenPublicProjectsAreLaterDisallowed() {
        Project p = Fixtures.project("acme", "web", "10.0.0.0/24", "public");
        var result =
                ProjectValidation.validate(inputs(p, BOTH, namespace("acme-web", "acme/web"), List.of()), SETTINGS);
        assertInstanceOf(ProjectValidation.Good.class, result);
    }

    @Test
    void egressAllowlistJoinsConfigAnnotationAndEveryEIpAddressOfTheNamespace() {
        Project p = Fixtures.withAnnotation(
                Fixtures.project("acme", "dev", "10.0.0.0/24", "cloud"), Keys.EGRESS_ALLOWLIST, "8.8.8.8, 1.1.1.0/24");
        var settings = new ProjectSettings(true, false, List.of("9.9.9.9"), List.of(), false, true, 1);
        var in = new ProjectInputs(
                p,
                ExternalNetworks.from(BOTH),
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                List.of(Fixtures.eipWithAddress("acme-dev", "default-gw", "100.65.0.101")),
                List.of(),
                List.of());
        var good = assertInstanceOf(ProjectValidation.Good.class, ProjectValidation.validate(in, settings));
        assertEquals(
                List.of("9.9.9.9", "8.8.8.8", "1.1.1.0/24", "100.65.0.101"),
                good.plan().egressAllow());
    }
}
