package com.kubedc.net.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.common.Adoption.Verdict;
import com.kubedc.net.thirdparty.kubeovn.KubeOvn;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Adoption of objects upstream's manager made: the verdict table, and a patch that adds our labels and nothing else. */
class AdoptionTest {
    static final EIp OWNER = eip("acme-prod", "web");
    static final Map<String, String> OURS = Owners.labels(OWNER);

    static EIp eip(String ns, String name) {
        EIp e = new EIp();
        e.setMetadata(new ObjectMetaBuilder()
                .withNamespace(ns)
                .withName(name)
                .withUid("uid-" + name)
                .build());
        return e;
    }

    /** An OvnEip as upstream's manager leaves it: its label and annotation, an address from Kube-OVN. */
    static OvnEip upstreamOvnEip(String ref) {
        OvnEip o = new OvnEip();
        o.setMetadata(new ObjectMetaBuilder()
                .withName("eip-web")
                .withResourceVersion("42")
                .withLabels(new HashMap<>(Map.of(Keys.EIP, ref, "other/label", "x")))
                .withAnnotations(Map.of(Keys.EIP_CREATED_BY, ref, "ovn.kubernetes.io/vpc_nat", "acme-prod-fip"))
                .build());
        o.setSpec(new OvnEip.Spec("ext-cloud", "100.65.0.101", "00:00:00:aa:bb:cc", KubeOvn.EIP_TYPE_NAT));
        o.setStatus(new OvnEip.Status(KubeOvn.EIP_TYPE_NAT, null, "100.65.0.101", "00:00:00:aa:bb:cc", true, null));
        return o;
    }

    static OvnEip labelled(Map<String, String> labels) {
        OvnEip o = upstreamOvnEip("acme-prod.web");
        o.getMetadata().getLabels().putAll(labels);
        return o;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "nothing there                                   | ABSENT",
                "upstream's markers for this EIp                 | ADOPT",
                "no markers, no owner labels                     | CONFLICT",
                "our owner labels for this EIp                   | OURS",
                "our owner labels for another EIp                | CONFLICT",
                "our owner labels of another kind                | CONFLICT",
                "markers for this EIp but another owner's labels | CONFLICT"
            })
    void verdicts(String observed, Verdict expected) {
        OvnEip o = switch (observed.trim()) {
            case "nothing there" -> null;
            case "upstream's markers for this EIp", "no markers, no owner labels" -> upstreamOvnEip("acme-prod.web");
            case "our owner labels for this EIp" -> labelled(OURS);
            case "our owner labels for another EIp" -> labelled(Owners.labels(eip("acme-prod", "db")));
            case "our owner labels of another kind" ->
                labelled(Map.of(Keys.OWNER_KIND, "FIp", Keys.OWNER_NAMESPACE, "acme-prod", Keys.OWNER_NAME, "web"));
            default -> labelled(Owners.labels(eip("acme-dev", "web")));
        };
        boolean marked =
                o != null && UpstreamMarkers.ovnEipOfEIp(o, "acme-prod", "web") && !observed.contains("no markers");
        assertEquals(expected, Adoption.decide(o, OURS, marked));
    }

    @Test
    void adoptingAddsOurOwnerLabelsGuardedByTheResourceVersionAndTouchesNothingElse() {
        OvnEip o = upstreamOvnEip("acme-prod.web");
        JsonNode ops = Adoption.patch(o, OURS);
        assertEquals(
                Serialization.unmarshal(
                        ("[{'op':'test','path':'/metadata/resourceVersion','value':'42'},"
                                        + "{'op':'add','path':'/metadata/labels/app.kubernetes.io~1managed-by','value':'kube-dc-net'},"
                                        + "{'op':'add','path':'/metadata/labels/kube-dc.com~1owner-kind','value':'EIp'},"
                                        + "{'op':'add','path':'/metadata/labels/kube-dc.com~1owner-namespace','value':'acme-prod'},"
                                        + "{'op':'add','path':'/metadata/labels/kube-dc.com~1owner-name','value':'web'}]")
                                .replace('\'', '"'),
                        JsonNode.class),
                ops);
        ops.forEach(op -> assertTrue(op.path("path").asText().startsWith("/metadata/"), "only metadata: " + op));
    }

    @Test
    void anAdoptedObjectNeedsNoSecondWrite() {
        assertTrue(Adoption.patch(labelled(OURS), OURS).isEmpty());
    }

    @Test
    void upstreamsOvnEipIsKnownByItsLabelOrItsAnnotation() {
        OvnEip both = upstreamOvnEip("acme-prod.web");
        assertTrue(UpstreamMarkers.ovnEipOfEIp(both, "acme-prod", "web"));
        assertFalse(UpstreamMarkers.ovnEipOfEIp(both, "acme-prod", "db"));
        assertFalse(UpstreamMarkers.ovnEipOfEIp(both, "acme", "prod.web"), "the namespace ends at the first dot");
        OvnEip annotationOnly = upstreamOvnEip("acme-prod.web");
        annotationOnly.getMetadata().getLabels().remove(Keys.EIP);
        assertTrue(UpstreamMarkers.ovnEipOfEIp(annotationOnly, "acme-prod", "web"));
        assertEquals("acme-prod/web", UpstreamMarkers.eipOfOvnEip(annotationOnly));
        OvnEip labelOnly = upstreamOvnEip("acme-prod.my.eip");
        labelOnly.getMetadata().setAnnotations(null);
        assertEquals("acme-prod/my.eip", UpstreamMarkers.eipOfOvnEip(labelOnly));
        OvnEip none = upstreamOvnEip("x");
        none.getMetadata().setAnnotations(null);
        none.getMetadata().setLabels(null);
        assertNull(UpstreamMarkers.eipOfOvnEip(none));
    }

    @ParameterizedTest(name = "OvnFip {0} in VPC {1}, FIp status names {2}: {3}")
    @CsvSource({
        "acme-prod-vm,   acme-prod, '',            true",
        "fip-old-name,   acme-prod, fip-old-name,  true",
        "acme-prod-vm,   acme-dev,  '',            false",
        "acme-prod-vm2,  acme-prod, '',            false"
    })
    void upstreamsOvnFipIsItsNameInTheProjectVpc(String name, String vpc, String recorded, boolean expected) {
        assertEquals(
                expected,
                UpstreamMarkers.ovnFipOfFIp(name, vpc, "acme-prod", "vm", recorded.isEmpty() ? null : recorded));
    }

    @Test
    void aNamespacedChildIsUpstreamsWhenItsOwnerReferenceNamesTheOwnersUid() {
        Service s = new ServiceBuilder()
                .withNewMetadata()
                .withNamespace("acme-prod")
                .withName("web")
                .withUid("svc-uid")
                .endMetadata()
                .build();
        EIp child = eip("acme-prod", "slb-web-x1y2z");
        assertFalse(UpstreamMarkers.referencesOwner(child, s));
        child.getMetadata()
                .setOwnerReferences(java.util.List.of(new OwnerReferenceBuilder()
                        .withKind("Service")
                        .withName("web")
                        .withUid("svc-uid")
                        .build()));
        assertTrue(UpstreamMarkers.referencesOwner(child, s));
        child.getMetadata()
                .setOwnerReferences(java.util.List.of(new OwnerReferenceBuilder()
                        .withKind("Service")
                        .withName("web")
                        .withUid("older-svc")
                        .build()));
        assertFalse(UpstreamMarkers.referencesOwner(child, s), "a namesake's children are not this Service's");
    }
}
