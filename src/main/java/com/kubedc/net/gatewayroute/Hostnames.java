package com.kubedc.net.gatewayroute;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hostnames of routes (spec §8.2, Decision 10): generated {@code <svc>-<ns>.<base domain>} or
 * chosen, always a valid DNS name (labels of 1–63 characters, 253 in all); and who owns one
 * when several Services claim it: the oldest claim. Pure.
 */
public final class Hostnames {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private Hostnames() {
    }

    /** {@code <svc>-<ns>.<baseDomain>}. */
    public static String generated(String service, String namespace, String baseDomain) {
        return (service + "-" + namespace + "." + baseDomain).toLowerCase(Locale.ROOT);
    }

    /** Why {@code host} is not a usable DNS name, or empty when it is. */
    public static Optional<String> problem(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.of("empty hostname");
        }
        if (host.length() > 253) {
            return Optional.of("hostname " + host + " is longer than 253 characters");
        }
        for (String label : host.split("\\.", -1)) {
            if (label.length() > 63) {
                return Optional.of("label \"" + label + "\" of " + host + " is longer than 63 characters");
            }
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("label \"" + label + "\" of " + host + " is not a DNS label (a-z, 0-9, '-', not at either end)");
            }
        }
        return Optional.empty();
    }

    /**
     * One Service's claim of a hostname.
     *
     * @param holds its route already carries the hostname (it won earlier)
     */
    public record Claim(String namespace, String service, String createdAt, boolean holds) {
    }

    /**
     * The claim that owns the hostname: the one holding it already (a Service that is older but
     * asked later does not take it away), else the oldest; ties by namespace, then name.
     */
    public static Claim owner(List<Claim> claims) {
        return claims.stream().min(Comparator.comparing((Claim c) -> !c.holds()).thenComparing(Claim::createdAt)
                .thenComparing(Claim::namespace).thenComparing(Claim::service)).orElseThrow();
    }
}
