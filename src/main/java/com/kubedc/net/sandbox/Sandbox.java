package com.kubedc.net.sandbox;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded sandbox: in-process API server, the seed's external networks and shared Gateway,
 * the Kube-OVN and Gateway emulators, and a kubeconfig for kubectl. The controller is pointed at {@link #masterUrl()}.
 */
public final class Sandbox implements AutoCloseable {
    public static final String USER_AGENT = "kube-dc-sandbox";
    private final SandboxServer server;
    private final KubernetesClient client;
    private final KubeOvnEmulator emulator;
    private final GatewayEmulator gateway;
    private final Path kubeconfig;
    private volatile LocalNb nb;

    private Sandbox(SandboxServer server, Path kubeconfig) {
        this.server = server;
        this.kubeconfig = kubeconfig;
        this.client = server.client(USER_AGENT);
        this.emulator = new KubeOvnEmulator(server.client(KubeOvnEmulator.USER_AGENT));
        this.gateway = new GatewayEmulator(server.client(GatewayEmulator.USER_AGENT));
    }

    /** Starts the server on {@code port} (or a free one), seeds the external networks and starts the emulator. */
    public static Sandbox start(int port, Path kubeconfigFile) {
        SandboxServer server = SandboxServer.start(port);
        Sandbox s = new Sandbox(server, server.writeKubeconfig(kubeconfigFile));
        for (var subnet : SeedNetworks.all()) {
            ExamplesLoader.create(s.client, subnet);
        }
        ExamplesLoader.create(s.client, new NamespaceBuilder().withNewMetadata().withName("kube-dc").endMetadata().build());
        s.emulator.start();
        s.gateway.start();
        return s;
    }

    /** Declares the platform's shared Gateway for routes under {@code baseDomain}. */
    public void seedGateway(String baseDomain) {
        ExamplesLoader.create(client, SeedGateway.namespace());
        ExamplesLoader.create(client, SeedGateway.gateway(baseDomain));
    }

    /**
     * Starts a local OVN NB (when this machine has ovsdb-server) and lets the emulator make routers
     * and switches in it; returns its endpoint, or null when OVN's tools are missing.
     */
    public String startNb() {
        if (!LocalNb.available()) {
            return null;
        }
        nb = LocalNb.start();
        emulator.attachNb(nb.endpoint());
        return nb.endpoint();
    }

    /** The local NB, if one runs. */
    public LocalNb nb() {
        return nb;
    }

    /** Applies every manifest of {@code dir}; returns what was created. */
    public List<String> apply(Path dir) {
        return ExamplesLoader.apply(client, dir);
    }

    public KubernetesClient client() {
        return client;
    }

    public KubeOvnEmulator emulator() {
        return emulator;
    }

    public GatewayEmulator gateway() {
        return gateway;
    }

    public String masterUrl() {
        return server.masterUrl();
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    public SandboxServer server() {
        return server;
    }

    @Override
    public void close() {
        emulator.close();
        gateway.close();
        if (nb != null) {
            nb.close();
        }
        client.close();
        server.close();
    }
}
