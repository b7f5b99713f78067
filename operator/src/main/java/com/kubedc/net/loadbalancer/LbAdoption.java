package com.kubedc.net.loadbalancer;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpOwner;
import com.kubedc.net.common.Adoption;
import com.kubedc.net.common.UpstreamMarkers;
import com.kubedc.net.vocabulary.ServiceAddresses;
import com.kubedc.net.vocabulary.ServiceBinding;
import io.fabric8.kubernetes.api.model.Service;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Upstream's manager named a Service's own EIp {@code slb-<svc>-<5 random>}; ours is {@code slb-<svc>}.
 * On migration that EIp is found and adopted instead of allocating a second address. Pure.
 */
final class LbAdoption {
    private LbAdoption() {}

    /**
     * The EIp upstream's manager made for {@code s}: tied to it by an ownerReference to its uid, or
     * named {@code slb-<svc>-xxxxx} with status owners listing {@code ServiceLb <svc>}; without owner
     * labels (to adopt) or with this Service's (adopted, while the Service's annotation naming it is
     * still on its way to the cache); the one holding the Service's current address first.
     */
    static Optional<EIp> upstreamAutoEIp(Service s, List<EIp> namespaceEIps) {
        String svc = s.getMetadata().getName();
        List<String> ingress = ServiceAddresses.ips(s.getStatus());
        return namespaceEIps.stream()
                .filter(e -> e.getMetadata().getDeletionTimestamp() == null)
                .filter(e -> UpstreamMarkers.autoEIpOf(e, s, EIpOwner.SERVICE_LB, ServiceBinding.autoEIpName(svc))
                        && Adoption.decide(e, LbEIp.labels(s), true) != Adoption.Verdict.CONFLICT)
                .min(Comparator.comparing((EIp e) -> !ingress.contains(address(e)))
                        .thenComparing(e -> e.getMetadata().getName()));
    }

    private static String address(EIp e) {
        return e.getStatus() == null ? null : e.getStatus().getIpAddress();
    }
}
