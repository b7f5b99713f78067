package com.kubedc.net.project;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpSpec;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.common.Owners;
import com.kubedc.net.network.ExternalNetwork;
import com.kubedc.net.network.ExternalNetworks;
import com.kubedc.net.thirdparty.cni.NetworkAttachmentDefinition;
import com.kubedc.net.thirdparty.kubeovn.KubeOvn;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.OvnSnatRule;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import com.kubedc.net.thirdparty.kubeovn.VpcDns;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.Names;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The desired children of a validated Project (spec §4.1); pure: no client, no clock. */
public final class ProjectDesired {
    private ProjectDesired() {}

    public static Namespace namespace(Project p, Plan plan) {
        Namespace ns = new Namespace();
        ns.setMetadata(meta(p, plan.namespace(), null));
        ns.getMetadata().getLabels().put(Keys.PROJECT, "");
        ns.getMetadata()
                .setAnnotations(Map.of(
                        Keys.PROJECT,
                        Names.projectRef(
                                p.getMetadata().getNamespace(), p.getMetadata().getName())));
        return ns;
    }

    /**
     * The VPC, with its whole policy-route list. {@code extraExternalSubnets}: every external
     * network other than the default one that the project uses, its egress network and the
     * networks its EIps allocated from, sorted; an entry goes when its last user goes.
     */
    public static Vpc vpc(
            Project p, Plan plan, ExternalNetworks networks, ProjectSettings settings, List<String> eipNetworks) {
        return vpc(p, plan, networks, settings, eipNetworks, List.of());
    }

    /**
     * As above, plus a reroute of each exposed address (FIp target 30000, load-balancer backend
     * 30010) whose EIp is on another network than the egress one, to that network's gateway.
     */
    public static Vpc vpc(
            Project p,
            Plan plan,
            ExternalNetworks networks,
            ProjectSettings settings,
            List<String> eipNetworks,
            List<ProjectInputs.SourceRoute> sourceRoutes) {
        ExternalNetwork egress = plan.egress();
        String defaultName =
                networks.defaultNetwork().map(ExternalNetwork::name).orElse(null);
        java.util.TreeSet<String> used = new java.util.TreeSet<>(eipNetworks);
        used.add(egress.name());
        used.remove(defaultName);
        List<String> extra = new ArrayList<>(used);
        List<PolicyRoutes.Reroute> reroutes = new ArrayList<>();
        for (ProjectInputs.SourceRoute r : sourceRoutes) {
            if (!r.network().equals(egress.name())) {
                networks.byName(r.network())
                        .ifPresent(
                                n -> reroutes.add(new PolicyRoutes.Reroute(r.priority(), r.sourceIp(), n.gateway())));
            }
        }
        var routes = PolicyRoutes.build(new PolicyRoutes.Inputs(
                settings.egressIsolation(),
                settings.ingressIsolation(),
                networks.all(),
                plan.egressAllow(),
                plan.ingressAllow(),
                reroutes));
        Vpc vpc = new Vpc();
        vpc.setMetadata(meta(p, Names.vpc(plan.namespace()), null));
        vpc.setSpec(new Vpc.Spec(
                List.of(plan.namespace()),
                List.of(new Vpc.StaticRoute(KubeOvn.POLICY_DST, "0.0.0.0/0", egress.gateway())),
                routes,
                true,
                extra));
        return vpc;
    }

    public static Subnet subnet(Project p, Plan plan) {
        Subnet s = new Subnet();
        s.setMetadata(meta(p, Names.subnet(plan.namespace()), null));
        s.setSpec(new Subnet.Spec(
                Names.vpc(plan.namespace()),
                "IPv4",
                List.of(plan.namespace()),
                plan.cidr().toString(),
                plan.cidr().firstHost(),
                null,
                Names.provider(plan.namespace()),
                null,
                null,
                null,
                null));
        return s;
    }

    public static NetworkAttachmentDefinition nad(Project p, Plan plan) {
        NetworkAttachmentDefinition nad = new NetworkAttachmentDefinition();
        nad.setMetadata(meta(p, Names.DEFAULT_NAD, plan.namespace()));
        String config = "{\"cniVersion\":\"0.3.0\",\"type\":\"kube-ovn\","
                + "\"server_socket\":\"/run/openvswitch/kube-ovn-daemon.sock\","
                + "\"provider\":\"" + Names.provider(plan.namespace()) + "\"}";
        nad.setSpec(new NetworkAttachmentDefinition.Spec(config));
        return nad;
    }

    /** The VPC's router-port OvnEip on the egress network; Kube-OVN may have made it already (then adopted). */
    public static OvnEip gatewayOvnEip(Project p, Plan plan) {
        OvnEip e = new OvnEip();
        e.setMetadata(
                meta(p, Names.gatewayOvnEip(plan.namespace(), plan.egress().name()), null));
        e.setSpec(new OvnEip.Spec(plan.egress().name(), null, null, KubeOvn.EIP_TYPE_LRP));
        return e;
    }

    public static EIp defaultGw(Project p, Plan plan) {
        EIp e = new EIp();
        e.setMetadata(meta(p, Names.DEFAULT_GW_EIP, plan.namespace()));
        EIpSpec spec = new EIpSpec();
        spec.setChildRef(Names.gatewayOvnEip(plan.namespace(), plan.egress().name()));
        e.setSpec(spec);
        return e;
    }

    public static OvnSnatRule snat(Project p, Plan plan) {
        OvnSnatRule r = new OvnSnatRule();
        r.setMetadata(meta(p, Names.snat(plan.namespace()), null));
        r.setSpec(new OvnSnatRule.Spec(
                Names.gatewayOvnEip(plan.namespace(), plan.egress().name()),
                Names.subnet(plan.namespace()),
                null,
                null,
                null));
        return r;
    }

    public static VpcDns vpcDns(Project p, Plan plan, ProjectSettings settings) {
        VpcDns d = new VpcDns();
        d.setMetadata(meta(p, Names.vpcDns(plan.namespace()), null));
        d.setSpec(new VpcDns.Spec(
                settings.vpcDnsReplicas(), Names.vpc(plan.namespace()), Names.subnet(plan.namespace())));
        return d;
    }

    static ObjectMeta meta(HasMetadata owner, String name, String namespace) {
        ObjectMeta m = new ObjectMeta();
        m.setName(name);
        m.setNamespace(namespace);
        m.setLabels(Owners.labels(owner));
        return m;
    }
}
