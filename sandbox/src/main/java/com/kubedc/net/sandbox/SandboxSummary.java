package com.kubedc.net.sandbox;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.thirdparty.kubeovn.OvnSnatRule;
import com.kubedc.net.thirdparty.kubeovn.Subnet;
import com.kubedc.net.thirdparty.kubeovn.Vpc;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.Names;
import com.kubedc.net.vocabulary.ServiceAddresses;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A readable table of what each Project got; pure, from listed objects. */
public final class SandboxSummary {
    private SandboxSummary() {}

    public static String render(
            List<Project> projects, List<Vpc> vpcs, List<Subnet> subnets, List<EIp> eips, List<OvnSnatRule> snats) {
        Map<String, Vpc> vpcByName = byName(vpcs, v -> v.getMetadata().getName());
        Map<String, Subnet> subnetByName = byName(subnets, s -> s.getMetadata().getName());
        Map<String, EIp> gwByNs = eips.stream()
                .filter(e -> Names.DEFAULT_GW_EIP.equals(e.getMetadata().getName()))
                .collect(Collectors.toMap(e -> e.getMetadata().getNamespace(), e -> e, (a, b) -> a));
        Map<String, OvnSnatRule> snatByName = byName(snats, r -> r.getMetadata().getName());
        String fmt = "%-22s %-24s %-6s %-18s %-11s %-16s %-22s %s%n";
        StringBuilder out = new StringBuilder(String.format(
                fmt, "PROJECT", "NAMESPACE", "READY", "SUBNET", "EGRESS", "GATEWAY IP", "SNAT", "REASON"));
        for (Project p : projects.stream()
                .sorted(Comparator.comparing((Project x) -> x.getMetadata().getNamespace())
                        .thenComparing(x -> x.getMetadata().getName()))
                .toList()) {
            String ns = Names.projectNamespace(
                    p.getMetadata().getNamespace(), p.getMetadata().getName());
            Vpc vpc = vpcByName.get(ns);
            Subnet subnet = subnetByName.get(Names.subnet(ns));
            EIp gw = gwByNs.get(ns);
            OvnSnatRule snat = snatByName.get(Names.snat(ns));
            boolean ready = p.getStatus() != null && p.getStatus().isReady();
            String reason = p.getStatus() == null
                    ? "Pending"
                    : String.valueOf(Conditions.reason(p.getStatus().getConditions(), Conditions.READY));
            out.append(String.format(
                    fmt,
                    p.getMetadata().getNamespace() + "/" + p.getMetadata().getName(),
                    ns,
                    ready,
                    subnet == null || subnet.getSpec() == null
                            ? "-"
                            : subnet.getSpec().cidrBlock(),
                    egress(vpc, gw),
                    gw == null || gw.getStatus() == null || gw.getStatus().getIpAddress() == null
                            ? "-"
                            : gw.getStatus().getIpAddress(),
                    snat == null
                            ? "-"
                            : snat.getMetadata().getName()
                                    + (snat.getStatus() != null
                                                    && Boolean.TRUE.equals(
                                                            snat.getStatus().ready())
                                            ? " (ready)"
                                            : ""),
                    ready ? "" : reason));
        }
        return out.toString();
    }

    /** LoadBalancer Services: external address, ports, and why not when there is none. */
    public static String services(List<io.fabric8.kubernetes.api.model.Service> services) {
        String fmt = "%-30s %-16s %-22s %s%n";
        StringBuilder out = new StringBuilder(String.format(fmt, "SERVICE", "EXTERNAL IP", "PORTS", "REASON"));
        services.stream()
                .filter(com.kubedc.net.vocabulary.ServiceBinding::managed)
                .sorted(Comparator.comparing((io.fabric8.kubernetes.api.model.Service s) ->
                                s.getMetadata().getNamespace())
                        .thenComparing(s -> s.getMetadata().getName()))
                .forEach(s -> {
                    List<String> ips = ServiceAddresses.ips(s.getStatus());
                    String ports = s.getSpec().getPorts().stream()
                            .map(p -> p.getPort() + "/" + (p.getProtocol() == null ? "TCP" : p.getProtocol()))
                            .collect(Collectors.joining(","));
                    String reason = s.getStatus() == null
                            ? "Pending"
                            : String.valueOf(
                                    Conditions.reason(s.getStatus().getConditions(), Keys.LOAD_BALANCER_READY));
                    out.append(String.format(
                            fmt,
                            s.getMetadata().getNamespace() + "/"
                                    + s.getMetadata().getName(),
                            ips.isEmpty() ? "-" : ips.get(0),
                            ports,
                            ips.isEmpty() ? reason : ""));
                });
        return out.toString();
    }

    /** Services with a gateway route: type, hostname once usable, and why not when there is none. */
    public static String routes(List<io.fabric8.kubernetes.api.model.Service> services) {
        String fmt = "%-30s %-16s %-44s %s%n";
        StringBuilder out = new StringBuilder(String.format(fmt, "SERVICE", "ROUTE", "HOSTNAME", "REASON"));
        services.stream()
                .filter(s -> com.kubedc.net.vocabulary.RouteIntent.of(s) != com.kubedc.net.vocabulary.RouteIntent.NONE)
                .sorted(Comparator.comparing((io.fabric8.kubernetes.api.model.Service s) ->
                                s.getMetadata().getNamespace())
                        .thenComparing(s -> s.getMetadata().getName()))
                .forEach(s -> {
                    Map<String, String> a = s.getMetadata().getAnnotations();
                    String host = a.get(Keys.ROUTE_HOSTNAME_STATUS);
                    String reason = s.getStatus() == null
                            ? "Pending"
                            : String.valueOf(Conditions.reason(s.getStatus().getConditions(), Keys.ROUTE_READY));
                    out.append(String.format(
                            fmt,
                            s.getMetadata().getNamespace() + "/"
                                    + s.getMetadata().getName(),
                            a.getOrDefault(Keys.EXPOSE_ROUTE, "backend only"),
                            host == null ? "-" : host,
                            host == null ? reason : ""));
                });
        return out.toString();
    }

    /** The external network of the default gateway: the suffix of its OvnEip {@code <ns>-<ext>}. */
    static String egress(Vpc vpc, EIp gw) {
        if (gw == null || gw.getSpec() == null || gw.getSpec().getChildRef() == null || vpc == null) {
            return "-";
        }
        String ref = gw.getSpec().getChildRef();
        String prefix = vpc.getMetadata().getName() + "-";
        return ref.startsWith(prefix) ? ref.substring(prefix.length()) : ref;
    }

    static <T> Map<String, T> byName(List<T> list, Function<T, String> name) {
        return list.stream().collect(Collectors.toMap(name, x -> x, (a, b) -> a));
    }
}
