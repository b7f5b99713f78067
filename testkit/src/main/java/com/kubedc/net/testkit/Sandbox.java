package com.kubedc.net.testkit;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded sandbox: a real API server (or the in-process mock where its binaries are missing),
 * the seed's external networks and shared Gateway, the Kube-OVN and Gateway emulators, and a
 * kubeconfig for kubectl. The controller is pointed at {@link #backend()}.
 */
public final class Sandbox implements AutoCloseable {
    public static final String USER_AGENT = "kube-dc-sandbox";
    private final SandboxBackend server;
    private final KubernetesClient client;
    private final KubeOvnEmulator emulator;
    private final GatewayEmulator gateway;
    private final Path kubeconfig;
    private volatile LocalNb nb;

    private Sandbox(SandboxBackend server, Path kubeconfig) {
        this.server = server;
        this.kubeconfig = kubeconfig;
        this.client = server.client(USER_AGENT);
        this.emulator = new KubeOvnEmulator(server.client(KubeOvnEmulator.USER_AGENT));
        this.gateway = new GatewayEmulator(server.client(GatewayEmulator.USER_AGENT));
    }

    /**
     * Starts the API server on {@code port} (or a free one): the real one when its binaries are
     * found and {@code mock} is false, else the mock; seeds the external networks and starts the emulators.
     */
    public static Sandbox start(int port, Path kubeconfigFile, boolean mock) {
        java.util.Optional<ApiServerBinaries> binaries = mock ? java.util.Optional.empty() : ApiServerBinaries.find();
        SandboxBackend server;
        if (binaries.isPresent()) {
            ApiServer real = ApiServer.start(binaries.get(), port);
            try (KubernetesClient c = real.client(USER_AGENT)) {
                Crds.installAll(c);
            }
            server = real;
        } else {
            server = SandboxServer.start(port);
            try (KubernetesClient c = server.client(USER_AGENT)) {
                // stored as plain objects (the mock serves no CRDs): the operator SDK checks ours exist at start
                Crds.read(Crds.CHART).forEach(crd -> ExamplesLoader.create(c, crd));
            }
        }
        Sandbox s = new Sandbox(server, server.writeKubeconfig(kubeconfigFile));
        for (var subnet : SeedNetworks.all()) {
            ExamplesLoader.create(s.client, subnet);
        }
        ExamplesLoader.create(
                s.client,
                new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("kube-dc")
                        .endMetadata()
                        .build());
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

    public SandboxBackend backend() {
        return server;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** The mock server, whose requests a benchmark on the mock taps (on the real one it reads the audit log). */
    public SandboxServer server() {
        if (server instanceof SandboxServer mock) {
            return mock;
        }
        throw new IllegalStateException("the sandbox runs on the real API server, not the mock");
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
