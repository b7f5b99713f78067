package com.kubedc.net.testkit;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The sandbox's API server: fabric8's mock in CRUD mode on loopback (plain HTTP), with status
 * subresources for our kinds and Kube-OVN's, discovery for kubectl, and a kubeconfig file.
 */
public final class SandboxServer implements SandboxBackend {
    private final KubernetesMockServer server;
    private final SandboxDispatcher dispatcher;
    private final int port;
    private final Thread drain;

    private SandboxServer(KubernetesMockServer server, SandboxDispatcher dispatcher, int port) {
        this.server = server;
        this.dispatcher = dispatcher;
        this.port = port;
        // the mock keeps every request for takeRequest(); a long-running sandbox must not
        this.drain = new Thread(
                () -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            server.takeRequest();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "sandbox-request-log-drain");
        drain.setDaemon(true);
        drain.start();
    }

    /** Sees every request the server receives. */
    public void tap(java.util.function.Consumer<io.fabric8.mockwebserver.http.RecordedRequest> tap) {
        dispatcher.tap(tap);
    }

    /** Starts on {@code port}, or on a free port when that one is taken. */
    public static SandboxServer start(int port) {
        List<CustomResourceDefinitionContext> crds = new ArrayList<>();
        Discovery.GROUPS.forEach((gv, kinds) -> {
            if (gv.contains("/") && !gv.startsWith("coordination")) {
                for (Discovery.Kind k : kinds) {
                    crds.add(new CustomResourceDefinitionContext.Builder()
                            .withGroup(gv.substring(0, gv.indexOf('/')))
                            .withVersion(gv.substring(gv.indexOf('/') + 1))
                            .withPlural(k.plural())
                            .withKind(k.kind())
                            .withScope(k.namespaced() ? "Namespaced" : "Cluster")
                            .withStatusSubresource(true)
                            .build());
                }
            }
        });
        var responses = new HashMap<
                io.fabric8.mockwebserver.ServerRequest, java.util.Queue<io.fabric8.mockwebserver.ServerResponse>>();
        var dispatcher = new SandboxDispatcher(new KubernetesMixedDispatcher(responses, crds));
        var mock = new KubernetesMockServer(
                new Context(Serialization.jsonMapper()), new MockWebServer(), responses, dispatcher, false);
        int chosen = Ports.isFree(port) ? port : 0;
        try {
            mock.init(InetAddress.getLoopbackAddress(), chosen);
        } catch (RuntimeException e) {
            mock.init(InetAddress.getLoopbackAddress(), 0);
        }
        return new SandboxServer(mock, dispatcher, mock.getPort());
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public java.util.Map<String, String> clientSettings() {
        return java.util.Map.of(
                "quarkus.kubernetes-client.api-server-url", url(), "quarkus.kubernetes-client.trust-certs", "true");
    }

    @Override
    public String describe() {
        return "fabric8's in-process MOCK API server (no validation, admission, GC, server-side apply or kubectl apply; "
                + "./scripts/build-apiserver.sh builds the real one) at " + url();
    }

    public int port() {
        return port;
    }

    /** A client of this server with the given user agent. */
    @Override
    public KubernetesClient client(String userAgent) {
        Config config = new ConfigBuilder()
                .withMasterUrl(url())
                .withNamespace("default")
                .withTrustCerts(true)
                .withUserAgent(userAgent)
                .withRequestTimeout(30_000)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** Writes a kubeconfig for kubectl and returns its path. */
    @Override
    public Path writeKubeconfig(Path file) {
        return ApiServerFiles.writeKubeconfig(file, url(), null, "sandbox");
    }

    @Override
    public void close() {
        drain.interrupt();
        server.destroy();
    }
}
