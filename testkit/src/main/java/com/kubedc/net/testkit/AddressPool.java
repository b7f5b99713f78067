package com.kubedc.net.testkit;

import com.kubedc.net.network.Cidr;
import com.kubedc.net.network.Ip;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The assignable addresses of a Kube-OVN subnet: the CIDR minus network, broadcast, gateway and excludeIps. */
record AddressPool(Cidr cidr, long gateway, List<long[]> excluded) {

    static Optional<AddressPool> of(String cidrBlock, String gateway, List<String> excludeIps) {
        Optional<Cidr> c = Cidr.parseNetwork(cidrBlock);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        long gw = Ip.parse(gateway).orElse(c.get().network() + 1);
        List<long[]> ranges = excludeIps == null
                ? List.of()
                : excludeIps.stream()
                        .map(AddressPool::range)
                        .flatMap(Optional::stream)
                        .toList();
        return Optional.of(new AddressPool(c.get(), gw, ranges));
    }

    /** {@code a..b} or a single address. */
    static Optional<long[]> range(String s) {
        String[] parts = s.split("\\.\\.");
        Optional<Long> from = Ip.parse(parts[0]);
        Optional<Long> to = parts.length > 1 ? Ip.parse(parts[1]) : from;
        return from.isPresent() && to.isPresent() ? Optional.of(new long[] {from.get(), to.get()}) : Optional.empty();
    }

    boolean assignable(long a) {
        if (!cidr.contains(a) || a == cidr.network() || a == cidr.broadcast() || a == gateway) {
            return false;
        }
        return excluded.stream().noneMatch(r -> a >= r[0] && a <= r[1]);
    }

    /** Lowest assignable address not in {@code used}. */
    Optional<String> next(Set<String> used) {
        for (long a = cidr.network() + 1; a < cidr.broadcast(); a++) {
            if (assignable(a) && !used.contains(Ip.format(a))) {
                return Optional.of(Ip.format(a));
            }
        }
        return Optional.empty();
    }

    long capacity() {
        long n = 0;
        for (long a = cidr.network() + 1; a < cidr.broadcast(); a++) {
            if (assignable(a)) {
                n++;
            }
        }
        return n;
    }
}
