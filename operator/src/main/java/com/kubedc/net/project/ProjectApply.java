package com.kubedc.net.project;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.common.Owners;
import com.kubedc.net.common.Writer;
import com.kubedc.net.thirdparty.cni.NetworkAttachmentDefinition;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.OvnSnatRule;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import com.kubedc.net.vocabulary.Names;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes a validated Project's children, in dependency order, only where they differ. */
@ApplicationScoped
public class ProjectApply {
    private final Writer writer;

    public ProjectApply(Writer writer) {
        this.writer = writer;
    }

    Observed apply(Project p, Plan plan, ProjectInputs in, ProjectSources s, ProjectSettings settings) {
        ensure(s.namespaces, ProjectDesired.namespace(p, plan), in.namespace());
        Vpc vpc = ensure(
                s.vpcs,
                ProjectDesired.vpc(p, plan, in.networks(), settings, in.eipNetworks(), in.sourceRoutes()),
                in.vpc());
        Subnet subnet = ensure(s.subnets, ProjectDesired.subnet(p, plan), in.subnet());
        NetworkAttachmentDefinition nad = ensure(s.nads, ProjectDesired.nad(p, plan), in.nad());
        String gwName = Names.gatewayOvnEip(plan.namespace(), plan.egress().name());
        OvnEip gwActual = in.gatewayOvnEips().stream()
                .filter(e -> e.getMetadata().getName().equals(gwName))
                .findFirst()
                .orElse(null);
        // Kube-OVN may have made the router-port OvnEip already: ensure() adopts it by adding our labels
        OvnEip gw = ensure(s.ovnEips, ProjectDesired.gatewayOvnEip(p, plan), gwActual);
        EIp defaultGw = ensure(s.eips, ProjectDesired.defaultGw(p, plan), in.defaultGw());
        OvnSnatRule snat = ensure(s.snats, ProjectDesired.snat(p, plan), in.snat());
        if (settings.vpcDnsEnabled()) {
            ensure(s.vpcDnses, ProjectDesired.vpcDns(p, plan, settings), in.vpcDns());
        } else if (in.vpcDns() != null && Owners.ownedBy(in.vpcDns(), p)) {
            writer.delete(in.vpcDns());
        }
        return new Observed(vpc, subnet, nad, gw, defaultGw, snat);
    }

    /** Create or patch, then tell the informer what we wrote so the next reconcile does not act on a stale cache. */
    <T extends HasMetadata> T ensure(
            io.javaoperatorsdk.operator.api.reconciler.dependent.RecentOperationCacheFiller<T> source,
            T desired,
            T actual) {
        T now = writer.ensure(desired, actual).orElse(null);
        if (now != null && now != actual) {
            ResourceID id = ResourceID.fromResource(now);
            if (actual == null) {
                source.handleRecentResourceCreate(id, now);
            } else {
                source.handleRecentResourceUpdate(id, now, actual);
            }
        }
        return now;
    }
}
