package com.kubedc.net.project;

import com.kubedc.net.config.KubeDcConfig;
import java.util.List;

/** The configuration a Project's desired state depends on, as plain values (tests build it directly). */
public record ProjectSettings(
        boolean egressIsolation,
        boolean ingressIsolation,
        List<String> egressGlobalAllowlist,
        List<String> ingressGlobalAllowlist,
        boolean allowPublicProjects,
        boolean vpcDnsEnabled,
        int vpcDnsReplicas) {

    /** Reads the configuration; an invalid global allowlist stops start-up with a message naming the key. */
    public static ProjectSettings from(KubeDcConfig c) {
        check("kube-dc.egress-global-allowlist", c.egressGlobalAllowlist().orElse(List.of()));
        check("kube-dc.ingress-global-allowlist", c.ingressGlobalAllowlist().orElse(List.of()));
        return new ProjectSettings(
                c.egressNetworkIsolation(),
                c.ingressNetworkIsolation(),
                c.egressGlobalAllowlist().orElse(List.of()),
                c.ingressGlobalAllowlist().orElse(List.of()),
                c.allowPublicProjects(),
                c.vpcDns().enabled(),
                c.vpcDns().replicas());
    }

    static void check(String key, List<String> entries) {
        Allowlist.firstInvalid(entries).ifPresent(bad -> {
            throw new IllegalArgumentException(key + ": entry \"" + bad + "\" is not an IPv4 address or CIDR");
        });
    }
}
