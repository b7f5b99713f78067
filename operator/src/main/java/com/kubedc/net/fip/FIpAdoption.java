package com.kubedc.net.fip;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpOwner;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.common.Adoption;
import com.kubedc.net.common.Owners;
import com.kubedc.net.common.UpstreamMarkers;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Upstream's manager named an FIp's own EIp {@code fip-<fip>-<5 random>}; ours is {@code fip-<fip>}.
 * On migration that EIp is found and adopted instead of allocating a second address. Pure.
 */
final class FIpAdoption {
    private FIpAdoption() {}

    /**
     * The EIp upstream's manager made for {@code fip}: tied to it by an ownerReference to its uid,
     * or named {@code fip-<fip>-xxxxx} with status owners listing it; without owner labels (to adopt)
     * or with this FIp's (adopted, its annotation still on its way to the cache); the one holding
     * the FIp's external address first.
     */
    static Optional<EIp> upstreamAutoEIp(FIp fip, List<EIp> namespaceEIps) {
        String external = fip.getStatus() == null ? null : fip.getStatus().getExternalIP();
        return namespaceEIps.stream()
                .filter(e -> e.getMetadata().getDeletionTimestamp() == null)
                .filter(e -> UpstreamMarkers.autoEIpOf(
                                e, fip, EIpOwner.FIP, "fip-" + fip.getMetadata().getName())
                        && Adoption.decide(e, Owners.labels(fip), true) != Adoption.Verdict.CONFLICT)
                .min(Comparator.comparing((EIp e) -> !Objects.equals(
                                external,
                                e.getStatus() == null ? null : e.getStatus().getIpAddress()))
                        .thenComparing(e -> e.getMetadata().getName()));
    }
}
