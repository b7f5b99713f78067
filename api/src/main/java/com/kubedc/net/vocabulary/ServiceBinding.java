package com.kubedc.net.vocabulary;

import io.fabric8.kubernetes.api.model.Service;
import java.util.Map;

/**
 * Which EIp a LoadBalancer Service is exposed on (spec §7.2): {@code default-gw}, a named EIp of
 * its namespace, or its own {@code slb-<svc>}. Pure: the EIp and Project reconcilers use it too,
 * so that all three agree on who uses an address.
 */
public record ServiceBinding(String eip, boolean auto, String networkType) {
    public static final String BIND_ON_DEFAULT_GW = "service.nlb.kube-dc.com/bind-on-default-gw-eip";
    public static final String BIND_ON_EIP = "service.nlb.kube-dc.com/bind-on-eip";
    public static final String NETWORK_TYPE = "network.kube-dc.com/external-network-type";
    public static final String DEFAULT_GW = "default-gw";
    public static final String FINALIZER = "loadbalancer.kube-dc.com/finalizer";
    /** Written once on migration: the name of upstream's auto EIp ({@code slb-<svc>-xxxxx}) adopted as this Service's own. */
    public static final String ADOPTED_EIP = com.kubedc.net.vocabulary.Keys.ADOPTED_EIP;

    /** A Service we program: type LoadBalancer without a {@code loadBalancerClass} of someone else. */
    public static boolean managed(Service s) {
        return s.getSpec() != null
                && "LoadBalancer".equals(s.getSpec().getType())
                && (s.getSpec().getLoadBalancerClass() == null
                        || s.getSpec().getLoadBalancerClass().isBlank());
    }

    /** The auto-created EIp's name. */
    public static String autoEIpName(String service) {
        return "slb-" + service;
    }

    /** The binding of {@code s}; {@code defaultType} is the configured type of auto EIps. */
    public static ServiceBinding of(Service s, String defaultType) {
        Map<String, String> a = s.getMetadata().getAnnotations() == null
                ? Map.of()
                : s.getMetadata().getAnnotations();
        if ("true".equalsIgnoreCase(a.getOrDefault(Keys.BIND_ON_DEFAULT_GW, "").trim())) {
            return new ServiceBinding(DEFAULT_GW, false, null);
        }
        String named = a.getOrDefault(Keys.BIND_ON_EIP, "").trim();
        if (!named.isEmpty()) {
            return new ServiceBinding(named, false, null);
        }
        String type = a.getOrDefault(Keys.EXTERNAL_NETWORK_TYPE, "").trim();
        return new ServiceBinding(ownEIpName(s), true, type.isEmpty() ? defaultType : type);
    }

    /** The name of the Service's own EIp: {@code slb-<svc>}, or upstream's adopted one. */
    public static String ownEIpName(Service s) {
        String adopted = s.getMetadata().getAnnotations() == null
                ? null
                : s.getMetadata().getAnnotations().get(Keys.ADOPTED_EIP);
        return adopted != null && !adopted.isBlank()
                ? adopted.trim()
                : autoEIpName(s.getMetadata().getName());
    }

    /** {@code <namespace>/<eip>} a LoadBalancer Service names, live or not: who must look again when it changes. */
    public static String eipRef(Service s) {
        if (s.getSpec() == null || !"LoadBalancer".equals(s.getSpec().getType())) {
            return null;
        }
        return s.getMetadata().getNamespace() + "/" + of(s, "").eip();
    }

    /** {@code <namespace>/<eip>} of a managed, live Service; null otherwise. */
    public static String eipKey(Service s) {
        if (!managed(s) || s.getMetadata().getDeletionTimestamp() != null) {
            return null;
        }
        return s.getMetadata().getNamespace() + "/" + of(s, "").eip();
    }
}
