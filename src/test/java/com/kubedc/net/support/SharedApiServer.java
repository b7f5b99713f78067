package com.kubedc.net.support;

import com.kubedc.net.sandbox.ApiServer;
import com.kubedc.net.sandbox.ApiServerBinaries;
import com.kubedc.net.sandbox.Crds;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The one real API server of the test JVM (etcd, kube-apiserver, kube-controller-manager), with
 * our CRDs from the Helm chart and the third-party test CRDs installed; stopped when the JVM exits.
 */
public final class SharedApiServer {
    private static ApiServer server;

    private SharedApiServer() {
    }

    public static synchronized ApiServer get() {
        if (server == null) {
            ApiServerBinaries binaries = ApiServerBinaries.find().orElseThrow(() -> new IllegalStateException(
                    "no kube-apiserver/etcd binaries: run ./scripts/build-apiserver.sh (./test.sh does), or set KUBEBUILDER_ASSETS"));
            server = ApiServer.start(binaries, 0);
            try (KubernetesClient c = server.client("kube-dc-net-test-setup")) {
                Crds.installAll(c);
                // the release namespace (leases, events of the platform)
                c.resource(new NamespaceBuilder().withNewMetadata().withName("kube-dc").endMetadata().build()).serverSideApply();
            }
        }
        return server;
    }
}
