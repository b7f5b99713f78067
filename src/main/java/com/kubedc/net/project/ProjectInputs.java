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
 * @param fipRoutes ready FIps of the namespace: target address and the external network of their EIp
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
        List<FipRoute> fipRoutes) {

    /** A ready FIp's target and the network its EIp is on (a secondary network needs a reroute). */
    public record FipRoute(String targetIp, String network) {
    }


    public String org() {
        return project.getMetadata().getNamespace();
    }

    public String name() {
        return project.getMetadata().getName();
    }
}
