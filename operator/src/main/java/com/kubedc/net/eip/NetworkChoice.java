package com.kubedc.net.eip;

import com.kubedc.net.api.v1.NetworkType;
import com.kubedc.net.network.ExternalNetwork;
import com.kubedc.net.network.ExternalNetworks;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Which external network a new EIp allocates from (spec §3.4): the default external network when
 * it has the type and a free address; else a network of that type already attached to the
 * project's VPC; else the one with most free addresses. Pure: free counts come from Subnet status.
 */
public final class NetworkChoice {
    private NetworkChoice() {}

    /**
     * @param free free addresses per network name (Kube-OVN's {@code v4availableIPs}); a network
     *             without a count yet may have some: it is tried after every network known to have free addresses
     * @param attached networks already attached to the project VPC
     */
    public static Optional<ExternalNetwork> choose(
            NetworkType type, ExternalNetworks networks, Map<String, Long> free, Collection<String> attached) {
        Optional<ExternalNetwork> def = networks.defaultNetwork().filter(n -> n.type() == type && hasFree(free, n));
        if (def.isPresent()) {
            return def;
        }
        Optional<ExternalNetwork> onVpc = networks.ofType(type).stream()
                .filter(n -> attached.contains(n.name()) && hasFree(free, n))
                .findFirst();
        if (onVpc.isPresent()) {
            return onVpc;
        }
        return networks.ofType(type).stream()
                .filter(n -> hasFree(free, n))
                .max(Comparator.comparingLong((ExternalNetwork n) -> count(free, n))
                        .thenComparing(ExternalNetwork::name, Comparator.reverseOrder()));
    }

    static boolean hasFree(Map<String, Long> free, ExternalNetwork n) {
        return count(free, n) > 0;
    }

    /** Unknown usage (no Subnet status yet) counts as one free address: possible, least preferred. */
    static long count(Map<String, Long> free, ExternalNetwork n) {
        return free.getOrDefault(n.name(), 1L);
    }
}
