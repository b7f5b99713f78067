package com.kubedc.net.network;

import java.util.Optional;

/** IPv4 addresses as unsigned 32-bit values. */
public final class Ip {
    private Ip() {}

    /** Parses a dotted quad without leading zeros; empty otherwise. */
    public static Optional<Long> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String[] parts = s.trim().split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long v = 0;
        for (String p : parts) {
            if (!p.matches("0|[1-9]\\d{0,2}")) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return Optional.empty();
            }
            v = (v << 8) | octet;
        }
        return Optional.of(v);
    }

    public static boolean isValid(String s) {
        return parse(s).isPresent();
    }

    public static String format(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
