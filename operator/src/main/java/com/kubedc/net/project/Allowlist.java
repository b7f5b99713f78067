package com.kubedc.net.project;

import com.kubedc.net.network.Cidr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Allowlist entries (IPs or CIDRs) as written in config and Project annotations. */
public final class Allowlist {
    private Allowlist() {}

    /** Splits a comma-separated annotation value; blank entries are skipped. */
    public static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        if (csv != null) {
            for (String s : csv.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    /** The first entry that is neither an IPv4 address nor an IPv4 CIDR. */
    public static Optional<String> firstInvalid(Collection<String> entries) {
        return entries.stream().filter(e -> Cidr.parse(e).isEmpty()).findFirst();
    }

    /** Canonical form for OVN matches and de-duplication: {@code a.b.c.d} or {@code a.b.c.d/n} (network address). */
    public static String canonical(String entry) {
        Cidr c = Cidr.parse(entry).orElseThrow(() -> new IllegalArgumentException("not an IP or CIDR: " + entry));
        return c.prefix() == 32 ? com.kubedc.net.network.Ip.format(c.network()) : c.toString();
    }
}
