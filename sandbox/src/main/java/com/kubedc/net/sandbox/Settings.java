package com.kubedc.net.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox's settings and the operator's: a system property ({@code -Dkube-dc.sandbox.port=0}),
 * else its environment variable ({@code KUBE_DC_SANDBOX_PORT}), else the default.
 */
final class Settings {
    /** The operator's settings in the sandbox unless given: public projects allowed, a lease namespace, a base domain, port 8080. */
    static final Map<String, String> OPERATOR_DEFAULTS = Map.of(
            "kube-dc.allow-public-projects", "true",
            "kube-dc.leader-election.lease-namespace", "kube-dc",
            "kube-dc.base-domain", "sandbox.kube-dc.test",
            "quarkus.kubernetes-client.namespace", "kube-dc",
            "quarkus.http.port", "8080");

    private Settings() {}

    static String get(String key, String fallback) {
        String v = System.getProperty(key);
        if (v == null) {
            v = System.getenv(env(key));
        }
        return v == null ? fallback : v;
    }

    static int number(String key, int fallback) {
        return Integer.parseInt(get(key, String.valueOf(fallback)));
    }

    static String env(String key) {
        return key.toUpperCase().replace('.', '_').replace('-', '_');
    }

    /**
     * What the operator process gets: the defaults, then every {@code kube-dc.*} and {@code quarkus.*}
     * system property of this JVM but the sandbox's own (its environment it inherits anyway), then {@code fixed}.
     */
    static Map<String, String> operator(Map<String, String> fixed) {
        Map<String, String> out = new LinkedHashMap<>();
        OPERATOR_DEFAULTS.forEach((k, v) -> {
            if (System.getenv(env(k)) == null) {
                out.put(k, v);
            }
        });
        System.getProperties().forEach((k, v) -> {
            String key = String.valueOf(k);
            if ((key.startsWith("kube-dc.") || key.startsWith("quarkus.")) && !key.startsWith("kube-dc.sandbox.")) {
                out.put(key, String.valueOf(v));
            }
        });
        out.putAll(fixed);
        return out;
    }
}
