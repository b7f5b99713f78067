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

    public static ProjectSettings from(KubeDcConfig c) {
        return new ProjectSettings(
                c.egressNetworkIsolation(),
                c.ingressNetworkIsolation(),
                c.egressGlobalAllowlist().orElse(List.of()),
                c.ingressGlobalAllowlist().orElse(List.of()),
                c.allowPublicProjects(),
                c.vpcDns().enabled(),
                c.vpcDns().replicas());
    }
}
