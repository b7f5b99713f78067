package com.kubedc.net.testkit;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscoveryBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery documents kubectl needs to map {@code kubectl get vpcs} to a path: the resource
 * kinds the sandbox serves, by group/version. The mock API server has no discovery of its own.
 */
final class Discovery {
    /** One served resource: plural, kind, namespaced, short names. */
    record Kind(String plural, String kind, boolean namespaced, String... shortNames) {}

    static final Map<String, List<Kind>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put(
                "v1",
                List.of(
                        new Kind("namespaces", "Namespace", false, "ns"),
                        new Kind("events", "Event", true, "ev"),
                        new Kind("services", "Service", true, "svc"),
                        new Kind("endpoints", "Endpoints", true, "ep"),
                        new Kind("configmaps", "ConfigMap", true, "cm"),
                        new Kind("secrets", "Secret", true),
                        new Kind("pods", "Pod", true, "po")));
        GROUPS.put(
                "kube-dc.com/v1",
                List.of(
                        new Kind("projects", "Project", true),
                        new Kind("eips", "EIp", true),
                        new Kind("fips", "FIp", true)));
        GROUPS.put(
                "kubeovn.io/v1",
                List.of(
                        new Kind("vpcs", "Vpc", false),
                        new Kind("subnets", "Subnet", false),
                        new Kind("ovn-eips", "OvnEip", false, "oeip"),
                        new Kind("ovn-fips", "OvnFip", false, "ofip"),
                        new Kind("ovn-snat-rules", "OvnSnatRule", false, "osnat"),
                        new Kind("vpc-dnses", "VpcDns", false, "vpc-dns")));
        GROUPS.put(
                "k8s.cni.cncf.io/v1",
                List.of(new Kind(
                        "network-attachment-definitions", "NetworkAttachmentDefinition", true, "net-attach-def")));
        GROUPS.put(
                "kubevirt.io/v1", List.of(new Kind("virtualmachineinstances", "VirtualMachineInstance", true, "vmi")));
        GROUPS.put("coordination.k8s.io/v1", List.of(new Kind("leases", "Lease", true)));
        GROUPS.put(
                "gateway.networking.k8s.io/v1",
                List.of(
                        new Kind("gateways", "Gateway", true, "gtw"),
                        new Kind("httproutes", "HTTPRoute", true),
                        new Kind("grpcroutes", "GRPCRoute", true)));
        GROUPS.put("gateway.networking.k8s.io/v1alpha2", List.of(new Kind("tlsroutes", "TLSRoute", true)));
        GROUPS.put(
                "gateway.networking.k8s.io/v1beta1",
                List.of(new Kind("referencegrants", "ReferenceGrant", true, "refgrant")));
        GROUPS.put("gateway.envoyproxy.io/v1alpha1", List.of(new Kind("backends", "Backend", true, "be")));
        GROUPS.put("cert-manager.io/v1", List.of(new Kind("certificates", "Certificate", true, "cert", "certs")));
    }

    private Discovery() {}

    /** The document for a discovery path ({@code /api}, {@code /apis}, {@code /api/v1}, {@code /apis/g/v}), if it is one. */
    static Optional<Object> document(String path) {
        if (path.equals("/api")) {
            return Optional.of(new APIVersionsBuilder().withVersions("v1").build());
        }
        if (path.equals("/apis")) {
            // one entry per group, with all its versions (the Gateway API serves kinds at three)
            Map<String, APIGroupBuilder> groups = new LinkedHashMap<>();
            GROUPS.keySet().stream().filter(gv -> gv.contains("/")).forEach(gv -> {
                String group = gv.substring(0, gv.indexOf('/'));
                var version = new GroupVersionForDiscoveryBuilder()
                        .withGroupVersion(gv)
                        .withVersion(gv.substring(gv.indexOf('/') + 1))
                        .build();
                groups.computeIfAbsent(
                                group, g -> new APIGroupBuilder().withName(g).withPreferredVersion(version))
                        .addToVersions(version);
            });
            List<APIGroup> list = new ArrayList<>();
            groups.values().forEach(b -> list.add(b.build()));
            return Optional.of(new APIGroupListBuilder().withGroups(list).build());
        }
        String gv = path.startsWith("/api/") ? path.substring(5) : path.startsWith("/apis/") ? path.substring(6) : null;
        return gv == null || !GROUPS.containsKey(gv) ? Optional.empty() : Optional.of(resources(gv));
    }

    static APIResourceList resources(String groupVersion) {
        List<APIResource> list = new ArrayList<>();
        for (Kind k : GROUPS.get(groupVersion)) {
            list.add(new APIResourceBuilder()
                    .withName(k.plural())
                    .withKind(k.kind())
                    .withNamespaced(k.namespaced())
                    .withSingularName(k.kind().toLowerCase())
                    .withShortNames(k.shortNames())
                    .withVerbs("create", "delete", "get", "list", "patch", "update", "watch")
                    .build());
            list.add(new APIResourceBuilder()
                    .withName(k.plural() + "/status")
                    .withKind(k.kind())
                    .withNamespaced(k.namespaced())
                    .withVerbs("get", "patch", "update")
                    .build());
        }
        return new APIResourceListBuilder()
                .withGroupVersion(groupVersion)
                .withResources(list)
                .build();
    }
}
