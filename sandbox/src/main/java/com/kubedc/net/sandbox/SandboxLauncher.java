package com.kubedc.net.app;

import com.kubedc.net.sandbox.Sandbox;
import io.quarkus.runtime.Quarkus;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the sandbox before Quarkus reads its configuration, then points the Kubernetes client at
 * it. Sandbox defaults (public projects allowed, lease namespace) apply unless set explicitly.
 */
final class SandboxLauncher {
    static final Map<String, String> DEFAULTS = Map.of(
            "kube-dc.allow-public-projects", "true",
            "kube-dc.leader-election.lease-namespace", "kube-dc",
            "kube-dc.base-domain", "sandbox.kube-dc.test",
            "quarkus.http.port", "8080");

    private SandboxLauncher() {
    }

    static boolean enabled() {
        return Boolean.parseBoolean(setting("kube-dc.sandbox.enabled", "false"));
    }

    /** A system property, else its environment variable ({@code KUBE_DC_SANDBOX_PORT}), else the default. */
    static String setting(String key, String fallback) {
        String v = System.getProperty(key);
        if (v == null) {
            v = System.getenv(key.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return v == null ? fallback : v;
    }

    static void run(String[] args) {
        int port = Integer.parseInt(setting("kube-dc.sandbox.port", "6443"));
        boolean mock = Boolean.parseBoolean(setting("kube-dc.sandbox.mock", "false"));
        Sandbox sandbox = Sandbox.start(port, Path.of("target", "sandbox", "kubeconfig"), mock);
        System.out.println("kube-dc-net sandbox: API server: " + sandbox.backend().describe());
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-stop"));
        sandbox.backend().clientSettings().forEach(System::setProperty);
        System.setProperty("quarkus.kubernetes-client.namespace", "kube-dc");
        if (setting("kube-dc.ovn-db-ips", "").isBlank()) {
            String nb = sandbox.startNb();
            if (nb != null) {
                System.setProperty("kube-dc.ovn-db-ips", nb);
            } else {
                System.out.println("kube-dc-net sandbox: ovsdb-server not found (./scripts/prerequisites.sh installs ovn-central): "
                        + "LoadBalancer Services will not be programmed");
            }
        }
        DEFAULTS.forEach((k, v) -> {
            if (System.getProperty(k) == null && System.getenv(k.toUpperCase().replace('.', '_').replace('-', '_')) == null) {
                System.setProperty(k, v);
            }
        });
        sandbox.seedGateway(setting("kube-dc.base-domain", "sandbox.kube-dc.test"));
        SandboxApp.sandbox = sandbox;
        Quarkus.run(SandboxApp.class, args);
    }
}
