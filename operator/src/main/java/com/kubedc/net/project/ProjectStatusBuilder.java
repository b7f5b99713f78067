package com.kubedc.net.project;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.api.v1.ProjectStatus;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Json;
import com.kubedc.net.vocabulary.Names;
import java.time.Clock;
import java.util.List;

/**
 * Computes a Project's status from what was observed; pure apart from the injected clock. Only
 * our fields are set: {@code quotaUsage} and {@code security} are other controllers'.
 */
public final class ProjectStatusBuilder {
    private ProjectStatusBuilder() {}

    /** Bad input: InputValid and Ready False with the problem's reason; the rest left as it was. */
    public static ProjectStatus invalid(Project p, Problem problem, Clock clock) {
        ProjectStatus prev = p.getStatus() == null ? new ProjectStatus() : p.getStatus();
        Conditions c = new Conditions(prev.getConditions(), p.getMetadata().getGeneration(), clock);
        keep(c, prev, Reasons.NETWORK_READY);
        keep(c, prev, Reasons.GATEWAY_READY);
        c.set(Reasons.INPUT_VALID, false, problem.reason(), problem.message());
        c.set(Conditions.READY, false, problem.reason(), problem.message());
        ProjectStatus s = new ProjectStatus();
        s.setReady(false);
        s.setNamespace(prev.getNamespace());
        s.setGatewayIP(prev.getGatewayIP());
        s.setConditions(c.build());
        return s;
    }

    public static ProjectStatus progress(Project p, Plan plan, Observed o, Clock clock) {
        ProjectStatus prev = p.getStatus() == null ? new ProjectStatus() : p.getStatus();
        Conditions c = new Conditions(prev.getConditions(), p.getMetadata().getGeneration(), clock);
        c.set(
                Reasons.INPUT_VALID,
                true,
                Reasons.VALID,
                "cidrBlock " + plan.cidr() + ", egress via " + plan.egress().name());
        String[] network = network(o, plan);
        c.set(
                Reasons.NETWORK_READY,
                network == null,
                network == null ? Reasons.PROVISIONED : network[0],
                network == null ? "Vpc, Subnet and NAD provisioned" : network[1]);
        String[] gateway = gateway(o, plan);
        c.set(
                Reasons.GATEWAY_READY,
                gateway == null,
                gateway == null ? Reasons.READY : gateway[0],
                gateway == null ? "egress SNAT through " + o.gatewayOvnEip().readyAddress() : gateway[1]);
        String[] first = network != null ? network : gateway;
        c.set(
                Conditions.READY,
                first == null,
                first == null ? Reasons.READY : first[0],
                first == null ? "project network ready" : first[1]);
        ProjectStatus s = new ProjectStatus();
        s.setReady(first == null);
        s.setNamespace(plan.namespace());
        s.setGatewayIP(
                o.defaultGw() == null || o.defaultGw().getStatus() == null
                        ? null
                        : o.defaultGw().getStatus().getIpAddress());
        s.setConditions(c.build());
        return s;
    }

    /**
     * {@code status} as JSON with only the fields we write ({@link ProjectStatus#OURS}): what
     * another controller wrote there must neither count as a difference nor be written back.
     */
    public static com.fasterxml.jackson.databind.node.ObjectNode ours(ProjectStatus status) {
        var out = Json.object();
        if (status != null) {
            var all = Json.tree(status);
            ProjectStatus.OURS.stream().filter(all::has).forEach(k -> out.set(k, all.get(k)));
        }
        return out;
    }

    /** Null when ready, else {reason, message}. */
    static String[] network(Observed o, Plan plan) {
        if (o.vpc() == null
                || o.vpc().getStatus() == null
                || !Boolean.TRUE.equals(o.vpc().getStatus().standby())) {
            return new String[] {
                Reasons.WAITING_FOR_KUBE_OVN,
                "waiting for Kube-OVN to create the router of Vpc " + Names.vpc(plan.namespace())
            };
        }
        if (o.subnet() == null
                || o.subnet().getStatus() == null
                || !Conditions.isTrue(o.subnet().getStatus().conditions(), Conditions.READY)) {
            return new String[] {
                Reasons.WAITING_FOR_KUBE_OVN,
                "waiting for Kube-OVN to make Subnet " + Names.subnet(plan.namespace()) + " ready"
            };
        }
        if (o.nad() == null) {
            return new String[] {
                Reasons.WAITING_FOR_KUBE_OVN, "waiting for NetworkAttachmentDefinition " + Names.DEFAULT_NAD
            };
        }
        return null;
    }

    static String[] gateway(Observed o, Plan plan) {
        String ovnEip = Names.gatewayOvnEip(plan.namespace(), plan.egress().name());
        if (o.gatewayOvnEip() == null || o.gatewayOvnEip().readyAddress() == null) {
            return new String[] {
                Reasons.WAITING_FOR_ADDRESS,
                "waiting for Kube-OVN to give OvnEip " + ovnEip + " an address on "
                        + plan.egress().name()
            };
        }
        if (o.defaultGw() == null
                || o.defaultGw().getStatus() == null
                || !o.defaultGw().getStatus().isReady()) {
            return new String[] {Reasons.WAITING_FOR_EIP, "waiting for EIp " + Names.DEFAULT_GW_EIP + " to be ready"};
        }
        if (o.snat() == null
                || o.snat().getStatus() == null
                || !Boolean.TRUE.equals(o.snat().getStatus().ready())) {
            return new String[] {
                Reasons.WAITING_FOR_SNAT, "waiting for Kube-OVN to program OvnSnatRule " + Names.snat(plan.namespace())
            };
        }
        return null;
    }

    private static void keep(Conditions c, ProjectStatus prev, String type) {
        Conditions.find(prev.getConditions(), type)
                .ifPresent(old -> c.set(type, old.getStatus(), old.getReason(), old.getMessage()));
    }

    /** Conditions whose reason changed to a failure in this transition (for Warning events). */
    public static List<String> newFailureReasons(ProjectStatus before, ProjectStatus after) {
        String was = before == null ? null : Conditions.reason(before.getConditions(), Reasons.INPUT_VALID);
        String now = Conditions.reason(after.getConditions(), Reasons.INPUT_VALID);
        boolean failing = !Conditions.isTrue(after.getConditions(), Reasons.INPUT_VALID);
        return failing && now != null && !now.equals(was) ? List.of(now) : List.of();
    }
}
