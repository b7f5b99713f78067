package com.kubedc.net.project;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.network.ExternalNetworks;
import com.kubedc.net.thirdparty.cni.NetworkAttachmentDefinition;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.OvnSnatRule;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import com.kubedc.net.thirdparty.kubeovn.VpcDns;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.List;

/**
 * Everything a Project reconcile reads, gathered from informer caches before anything is
 * computed, so that desired state and status are pure functions of this record.
 *
 * @param gatewayOvnEips router-port OvnEips {@code <ns>-<ext>} that exist, any external network
 * @param eips every EIp in the project namespace (their addresses are allowlisted)
 * @param eipNetworks external networks the namespace's EIps allocated from (attached to the VPC)
 * @param sourceRoutes addresses of the project whose traffic must leave through a given external
 *        network: ready FIps' targets (30000) and LoadBalancer backends (30010)
 */
public record ProjectInputs(
        Project project,
        ExternalNetworks networks,
        Namespace namespace,
        Vpc vpc,
        Subnet subnet,
        NetworkAttachmentDefinition nad,
        List<OvnEip> gatewayOvnEips,
        EIp defaultGw,
        OvnSnatRule snat,
        VpcDns vpcDns,
        List<EIp> eips,
        List<String> eipNetworks,
        List<SourceRoute> sourceRoutes) {

    /** An address exposed on {@code network} (an FIp target, a load-balancer backend); on a secondary network it needs a reroute. */
    public record SourceRoute(int priority, String sourceIp, String network) {}

    public String org() {
        return project.getMetadata().getNamespace();
    }

    public String name() {
        return project.getMetadata().getName();
    }
}
