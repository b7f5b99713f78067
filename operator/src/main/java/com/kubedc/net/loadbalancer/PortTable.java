package com.kubedc.net.loadbalancer;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may use which port of a shared EIp (spec §7.2, DESIGN §5). Computed from every Service
 * bound to the EIp, so a restarted controller rebuilds the same table before it accepts anything
 * new: a Service that already shows the address keeps its ports; among the others the oldest
 * claim wins. A Service that loses any port is refused as a whole and stays pending.
 */
public final class PortTable {
    private PortTable() {}

    /** A port a Service asks for on its EIp. */
    public record Claim(String protocol, int port) {
        @Override
        public String toString() {
            return port + "/" + protocol;
        }
    }

    /** The conflicts of {@code subject}, empty when it may have all its ports. */
    public static Optional<String> conflict(Service subject, List<Service> sameEIp, String address) {
        List<Service> ordered = new ArrayList<>(sameEIp);
        if (ordered.stream()
                .noneMatch(s -> s.getMetadata().getUid() != null
                        && s.getMetadata().getUid().equals(subject.getMetadata().getUid()))) {
            ordered.add(subject);
        }
        ordered.sort(Comparator.comparing((Service s) -> holds(s, address) ? 0 : 1)
                .thenComparing(s -> String.valueOf(s.getMetadata().getCreationTimestamp()))
                .thenComparing(s -> s.getMetadata().getName()));
        Map<Claim, Service> taken = new HashMap<>();
        for (Service s : ordered) {
            List<String> lost = new ArrayList<>();
            for (Claim c : claims(s)) {
                Service holder = taken.get(c);
                if (holder != null) {
                    lost.add(c + " (used by Service " + holder.getMetadata().getName() + ")");
                }
            }
            boolean isSubject =
                    s.getMetadata().getName().equals(subject.getMetadata().getName());
            if (!lost.isEmpty()) {
                if (isSubject) {
                    return Optional.of(String.join(", ", lost));
                }
                continue; // a refused Service holds nothing
            }
            claims(s).forEach(c -> taken.put(c, s));
            if (isSubject) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static List<Claim> claims(Service s) {
        List<Claim> out = new ArrayList<>();
        if (s.getSpec() != null && s.getSpec().getPorts() != null) {
            for (ServicePort p : s.getSpec().getPorts()) {
                out.add(new Claim(p.getProtocol() == null ? "TCP" : p.getProtocol(), p.getPort()));
            }
        }
        return out;
    }

    /** True when the Service already shows {@code address}: it was admitted before. */
    static boolean holds(Service s, String address) {
        return address != null
                && s.getStatus() != null
                && s.getStatus().getLoadBalancer() != null
                && s.getStatus().getLoadBalancer().getIngress() != null
                && s.getStatus().getLoadBalancer().getIngress().stream().anyMatch(i -> address.equals(i.getIp()));
    }
}
