package com.kubedc.net.faults;

import com.kubedc.net.testkit.LocalNb;
import com.kubedc.net.testkit.SeedGateway;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts, per kind, of everything the controller creates (and of the tenants' own kinds), the
 * shared Gateway's listeners and our OVN NB Load_Balancer rows; and the objects stuck in deletion.
 */
final class Inventory {
    /** apiVersion and kind of every kind counted. */
    static final List<String[]> KINDS = List.of(
            new String[] {"v1", "Namespace"},
            new String[] {"v1", "Service"},
            new String[] {"v1", "Endpoints"},
            new String[] {"kube-dc.com/v1", "Project"},
            new String[] {"kube-dc.com/v1", "EIp"},
            new String[] {"kube-dc.com/v1", "FIp"},
            new String[] {"kubeovn.io/v1", "Vpc"},
            new String[] {"kubeovn.io/v1", "Subnet"},
            new String[] {"kubeovn.io/v1", "OvnEip"},
            new String[] {"kubeovn.io/v1", "OvnFip"},
            new String[] {"kubeovn.io/v1", "OvnSnatRule"},
            new String[] {"kubeovn.io/v1", "VpcDns"},
            new String[] {"k8s.cni.cncf.io/v1", "NetworkAttachmentDefinition"},
            new String[] {"gateway.envoyproxy.io/v1alpha1", "Backend"},
            new String[] {"gateway.networking.k8s.io/v1", "HTTPRoute"},
            new String[] {"gateway.networking.k8s.io/v1beta1", "ReferenceGrant"},
            new String[] {"cert-manager.io/v1", "Certificate"});

    static final String LISTENERS = "Gateway listeners";
    static final String NB_ROWS = "NB Load_Balancer rows (ours)";

    private Inventory() {}

    static List<GenericKubernetesResource> list(KubernetesClient c, String apiVersion, String kind) {
        return c.genericKubernetesResources(apiVersion, kind)
                .inAnyNamespace()
                .list()
                .getItems();
    }

    /** Kind → count, plus the Gateway's listeners and our NB rows. */
    static Map<String, Integer> counts(KubernetesClient c, LocalNb nb) {
        Map<String, Integer> m = new TreeMap<>();
        for (String[] k : KINDS) {
            m.put(k[1], list(c, k[0], k[1]).size());
        }
        Gateway g = c.resources(Gateway.class)
                .inNamespace(SeedGateway.NAMESPACE)
                .withName(SeedGateway.NAME)
                .get();
        m.put(LISTENERS, g.getSpec().getListeners().size());
        m.put(NB_ROWS, nbRows(nb).size());
        return m;
    }

    /** Our Load_Balancer rows (managed-by kube-dc-net in external_ids), by name. */
    static List<String> nbRows(LocalNb nb) {
        List<String> ours = new ArrayList<>();
        String out = nb.nbctl("--format=csv", "--no-headings", "--columns=name,external_ids", "list", "Load_Balancer");
        for (String line : out.lines().toList()) {
            if (line.contains("kube-dc.com/managed-by") && line.contains("kube-dc-net")) {
                ours.add(line.substring(0, line.indexOf(',')));
            }
        }
        return ours;
    }

    /** Objects of every counted kind with a deletionTimestamp, as {@code Kind ns/name [finalizers]}. */
    static List<String> inDeletion(KubernetesClient c) {
        List<String> stuck = new ArrayList<>();
        for (String[] k : KINDS) {
            for (GenericKubernetesResource r : list(c, k[0], k[1])) {
                if (r.getMetadata().getDeletionTimestamp() != null) {
                    stuck.add(k[1] + " " + r.getMetadata().getNamespace() + "/"
                            + r.getMetadata().getName() + " " + r.getMetadata().getFinalizers());
                }
            }
        }
        return stuck;
    }

    /** The kinds whose count differs, as {@code kind: expected → actual}. */
    static Map<String, String> diff(Map<String, Integer> expected, Map<String, Integer> actual) {
        Map<String, String> d = new TreeMap<>();
        for (String k : expected.keySet()) {
            if (!expected.get(k).equals(actual.get(k))) {
                d.put(k, expected.get(k) + " -> " + actual.get(k));
            }
        }
        return d;
    }
}
