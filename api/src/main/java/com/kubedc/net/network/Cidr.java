package com.kubedc.net.network;

import java.util.Optional;

/** An IPv4 network {@code a.b.c.d/n}; parsing is strict so bad input is caught before any write. */
public record Cidr(long base, int prefix) {

    /** Parses a network CIDR whose host bits are zero; empty when malformed or not a network address. */
    public static Optional<Cidr> parseNetwork(String s) {
        return parse(s).filter(c -> c.base == c.networkOf(c.base));
    }

    /** Parses {@code a.b.c.d/n} (host bits allowed) or a bare address as {@code /32}. */
    public static Optional<Cidr> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.trim();
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        int prefix = 32;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (!p.matches("\\d{1,2}")) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(p);
            if (prefix > 32) {
                return Optional.empty();
            }
        }
        int bits = prefix;
        return Ip.parse(addr).map(a -> new Cidr(a, bits));
    }

    long mask() {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    long networkOf(long addr) {
        return addr & mask();
    }

    public long network() {
        return networkOf(base);
    }

    public long broadcast() {
        return network() | (~mask() & 0xFFFFFFFFL);
    }

    public boolean contains(long addr) {
        return networkOf(addr) == network();
    }

    public boolean overlaps(Cidr other) {
        return network() <= other.broadcast() && other.network() <= broadcast();
    }

    /** Number of addresses in the block. */
    public long size() {
        return 1L << (32 - prefix);
    }

    /** The first usable address (Kube-OVN's default gateway of a subnet). */
    public String firstHost() {
        return Ip.format(prefix >= 31 ? network() : network() + 1);
    }

    @Override
    public String toString() {
        return Ip.format(network()) + "/" + prefix;
    }
}
