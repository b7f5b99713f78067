package com.kubedc.net.loadbalancer;

import com.kubedc.net.ovn.LbRow;
import com.kubedc.net.vocabulary.ServiceAddresses;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OVN load balancers of a Service (spec §7.3): one row per protocol, {@code <ns>-<svc>-tcp},
 * VIP {@code <eip>:<port>} → the ready endpoints' {@code <ip>:<targetPort>}. The target port comes
 * from the EndpointSlice port of the same name, which is how named target ports (pods and
 * KubeVirt VMs alike) are resolved. Pure.
 */
public final class LbDesired {

    private LbDesired() {}

    public static String rowName(String namespace, String service, String protocol) {
        return namespace + "-" + service + "-" + protocol.toLowerCase(Locale.ROOT);
    }

    public static List<LbRow> rows(Service s, String address, List<EndpointSlice> slices) {
        String ns = s.getMetadata().getNamespace();
        String name = s.getMetadata().getName();
        Map<String, Map<String, String>> vipsByProtocol = new TreeMap<>();
        for (ServicePort p : s.getSpec().getPorts()) {
            String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            TreeSet<String> backends = new TreeSet<>();
            for (EndpointSlice slice : slices) {
                Integer target = targetPort(slice, p, protocol);
                if (target == null || !"IPv4".equals(slice.getAddressType())) {
                    continue;
                }
                for (String ip : ServiceAddresses.readyAddresses(slice)) {
                    backends.add(ip + ":" + target);
                }
            }
            vipsByProtocol
                    .computeIfAbsent(protocol.toLowerCase(Locale.ROOT), k -> new TreeMap<>())
                    .put(address + ":" + p.getPort(), String.join(",", backends));
        }
        List<LbRow> out = new ArrayList<>();
        vipsByProtocol.forEach((protocol, vips) -> out.add(new LbRow(
                rowName(ns, name, protocol),
                protocol,
                vips,
                Map.of(
                        LbRow.OWNER,
                        ns + "/" + name,
                        LbRow.OWNER_UID,
                        String.valueOf(s.getMetadata().getUid()),
                        LbRow.MANAGED_BY,
                        LbRow.MANAGED_BY_VALUE))));
        return out;
    }

    /** The slice's port for Service port {@code p}: same name (both unnamed when the Service has one port) and protocol. */
    static Integer targetPort(EndpointSlice slice, ServicePort p, String protocol) {
        if (slice.getPorts() == null) {
            return null;
        }
        String name = p.getName() == null ? "" : p.getName();
        for (EndpointPort ep : slice.getPorts()) {
            String epName = ep.getName() == null ? "" : ep.getName();
            String epProtocol = ep.getProtocol() == null ? "TCP" : ep.getProtocol();
            if (name.equals(epName) && protocol.equals(epProtocol) && ep.getPort() != null) {
                return ep.getPort();
            }
        }
        return null;
    }
}
