package com.kubedc.net.project;

import com.kubedc.net.network.ExternalNetwork;
import com.kubedc.net.thirdparty.kubeovn.KubeOvn;
import com.kubedc.net.thirdparty.kubeovn.Vpc.PolicyRoute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The whole {@code Vpc.spec.policyRoutes} list of a project (spec §9), computed in one place:
 * Kube-OVN deletes any policy of a custom VPC that is not in the list, and the list has no merge
 * key, so there must be exactly one writer. Unlike upstream, disabling isolation removes its rules.
 */
public final class PolicyRoutes {
    public static final int INGRESS_ALLOW = 32000;
    public static final int INGRESS_DROP = 31500;
    public static final int LB_SECONDARY_REROUTE = 30010;
    public static final int FIP_SECONDARY_REROUTE = 30000;
    public static final int EGRESS_ALLOW = 29500;
    public static final int EGRESS_DROP = 29000;

    private PolicyRoutes() {}

    /** What the policy routes depend on; addresses are valid IPs/CIDRs (validated before). */
    public record Inputs(
            boolean egressIsolation,
            boolean ingressIsolation,
            Collection<ExternalNetwork> externalNetworks,
            Collection<String> egressAllow,
            Collection<String> ingressAllow,
            Collection<Reroute> reroutes) {}

    /** Source-based reroute: traffic from {@code sourceIp} leaves through {@code nextHop} (a secondary network's gateway). */
    public record Reroute(int priority, String sourceIp, String nextHop) {}

    /** Sorted by priority (highest first), then match, so equal inputs give an identical list. */
    public static List<PolicyRoute> build(Inputs in) {
        List<PolicyRoute> out = new ArrayList<>();
        if (in.ingressIsolation()) {
            for (String a : canonical(in.ingressAllow())) {
                out.add(allow(INGRESS_ALLOW, "ip4.src == " + a));
            }
            for (ExternalNetwork n : in.externalNetworks()) {
                out.add(drop(INGRESS_DROP, "ip4.src == " + n.cidr() + " && ip4.src != " + n.gateway()));
            }
        }
        new TreeSet<>(in.reroutes().stream()
                        .map(r -> r.priority() + " " + r.sourceIp() + " " + r.nextHop())
                        .toList())
                .forEach(k -> {
                    String[] f = k.split(" ");
                    out.add(new PolicyRoute(
                            Integer.parseInt(f[0]), "ip4.src == " + f[1], KubeOvn.ACTION_REROUTE, f[2]));
                });
        if (in.egressIsolation()) {
            for (String a : canonical(in.egressAllow())) {
                out.add(allow(EGRESS_ALLOW, "ip4.dst == " + a));
            }
            // ct.new: replies to connections opened from outside (LB clients) must still get out
            for (ExternalNetwork n : in.externalNetworks()) {
                out.add(drop(EGRESS_DROP, "ip4.dst == " + n.cidr() + " && ip4.dst != " + n.gateway() + " && ct.new"));
            }
        }
        out.sort(Comparator.comparingInt(PolicyRoute::priority).reversed().thenComparing(PolicyRoute::match));
        return out;
    }

    static TreeSet<String> canonical(Collection<String> entries) {
        TreeSet<String> set = new TreeSet<>();
        entries.forEach(e -> set.add(Allowlist.canonical(e)));
        return set;
    }

    static PolicyRoute allow(int priority, String match) {
        return new PolicyRoute(priority, match, KubeOvn.ACTION_ALLOW, null);
    }

    static PolicyRoute drop(int priority, String match) {
        return new PolicyRoute(priority, match, KubeOvn.ACTION_DROP, null);
    }
}
