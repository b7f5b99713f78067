package com.kubedc.net.gatewayroute;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hostnames of routes (spec §8.2, Decision 10): generated {@code <svc>-<ns>.<base domain>} or
 * chosen, always a valid DNS name (labels of 1–63 characters, 253 in all); which chosen names
 * are another namespace's generated ones; and who owns one when several Services claim it: the
 * oldest claim. Pure.
 */
public final class Hostnames {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** A Service name (RFC 1035 label: starts with a letter). */
    private static final Pattern SERVICE = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

    private Hostnames() {}

    /** {@code <svc>-<ns>.<baseDomain>}. */
    public static String generated(String service, String namespace, String baseDomain) {
        return (service + "-" + namespace + "." + baseDomain).toLowerCase(Locale.ROOT);
    }

    /** Where a generated name could come from: {@code <service>-<namespace>}. */
    public record Origin(String service, String namespace) {}

    /**
     * Every (Service, namespace) whose generated name is {@code host}: {@code host} is one label
     * and a dot above {@code baseDomain}, and that label splits at one of its dashes into a valid
     * Service name and a valid namespace name. A label with several dashes splits several ways
     * ({@code a-b-c}: {@code a} in {@code b-c}, {@code a-b} in {@code c}); in order of the split.
     */
    public static List<Origin> generatedOrigins(String host, String baseDomain) {
        String suffix = "." + baseDomain.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (!h.endsWith(suffix)) {
            return List.of();
        }
        String label = h.substring(0, h.length() - suffix.length());
        List<Origin> out = new java.util.ArrayList<>();
        for (int i = label.indexOf('-'); i >= 0; i = label.indexOf('-', i + 1)) {
            String svc = label.substring(0, i);
            String ns = label.substring(i + 1);
            if (SERVICE.matcher(svc).matches() && LABEL.matcher(ns).matches()) {
                out.add(new Origin(svc, ns));
            }
        }
        return out;
    }

    /**
     * The namespace another tenant's generated name {@code host} belongs to, when {@code namespace}
     * may not choose it; empty when it may. A chosen hostname may not be a generated name of
     * another namespace, whether that namespace or Service exists yet or not. A name that is also
     * of the shape generated for {@code namespace} itself ({@code <anything>-<namespace>}) stays
     * allowed: the namespace could obtain it anyway by naming a Service {@code <anything>}, and two
     * generated names that coincide are settled by {@link #owner}. Hostnames not exactly one label
     * above the base domain are never generated names.
     */
    public static Optional<String> reservedForAnother(String host, String namespace, String baseDomain) {
        List<Origin> origins = generatedOrigins(host, baseDomain);
        if (origins.stream().anyMatch(o -> o.namespace().equals(namespace))) {
            return Optional.empty();
        }
        return origins.stream().map(Origin::namespace).findFirst();
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
                return Optional.of("label \"" + label + "\" of " + host
                        + " is not a DNS label (a-z, 0-9, '-', not at either end)");
            }
        }
        return Optional.empty();
    }

    /**
     * One Service's claim of a hostname.
     *
     * @param holds its route already carries the hostname (it won earlier)
     */
    public record Claim(String namespace, String service, String createdAt, boolean holds) {}

    /**
     * The claim that owns the hostname: the one holding it already (a Service that is older but
     * asked later does not take it away), else the oldest; ties by namespace, then name.
     */
    public static Claim owner(List<Claim> claims) {
        return claims.stream()
                .min(Comparator.comparing((Claim c) -> !c.holds())
                        .thenComparing(Claim::createdAt)
                        .thenComparing(Claim::namespace)
                        .thenComparing(Claim::service))
                .orElseThrow();
    }
}
