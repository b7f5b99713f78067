package com.kubedc.net.api.v1;

import java.util.Arrays;
import java.util.Optional;

/**
 * An external network type: the value of the Subnet label {@code network.kube-dc.com/external-network-type}.
 * Spec fields stay strings so that a bad value (under a CRD installed without our schema, e.g. an
 * older one) becomes a condition instead of an object the informer cannot read.
 */
public enum NetworkType {
    CLOUD("cloud"),
    PUBLIC("public");

    private final String value;

    NetworkType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** Parses a label, spec or config value; empty for blank or unknown values. */
    public static Optional<NetworkType> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String v = s.trim();
        return Arrays.stream(values()).filter(t -> t.value.equals(v)).findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}
