package com.kubedc.net.vocabulary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Every name of an object we create, built in one place (upstream's names where the spec fixes them). */
public final class Names {
    public static final int MAX_NAME = 63;
    public static final String DEFAULT_GW_EIP = "default-gw";
    public static final String DEFAULT_NAD = "default";

    private Names() {}

    /** Backing namespace of Project {@code project} in organization namespace {@code org}. */
    public static String projectNamespace(String org, String project) {
        return org + "-" + project;
    }

    /** Value of the namespace annotation naming its Project: {@code <org>/<project>}. */
    public static String projectRef(String org, String project) {
        return org + "/" + project;
    }

    public static String vpc(String ns) {
        return ns;
    }

    /** The project's logical router in OVN is named after the VPC. */
    public static String router(String ns) {
        return ns;
    }

    public static String subnet(String ns) {
        return ns + "-default";
    }

    public static String snat(String ns) {
        return ns;
    }

    public static String vpcDns(String ns) {
        return ns;
    }

    /** The VPC's router-port OvnEip on external network {@code ext} (Kube-OVN's own naming). */
    public static String gatewayOvnEip(String ns, String ext) {
        return ns + "-" + ext;
    }

    /** Kube-OVN provider of the project subnet; the NAD {@code default} names the same one. */
    public static String provider(String ns) {
        return DEFAULT_NAD + "." + ns + ".ovn";
    }

    /**
     * A collision-proof name for a cluster-scoped child of namespaced {@code ns/name}: a readable
     * prefix cut to fit, plus 8 hex of a hash of {@code ns/name} (Decision 3).
     */
    public static String hashed(String prefix, String ns, String name) {
        String hash = hash8(ns + "/" + name);
        String readable = prefix + "-" + ns + "-" + name;
        int room = MAX_NAME - hash.length() - 1;
        if (readable.length() > room) {
            readable = readable.substring(0, room);
        }
        readable = readable.replaceAll("[^a-z0-9]+$", "");
        return readable + "-" + hash;
    }

    public static String hash8(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
