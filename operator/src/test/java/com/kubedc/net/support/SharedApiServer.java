package com.kubedc.net.support;

import com.kubedc.net.testkit.ApiServer;
import com.kubedc.net.testkit.ApiServerBinaries;
import com.kubedc.net.testkit.Crds;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * The one real API server of the test JVM (etcd, kube-apiserver, kube-controller-manager), with
 * our CRDs from the Helm chart and the third-party test CRDs installed; stopped when the JVM exits.
 * Quarkus loads test classes again for each test application, so the server's endpoint is kept in
 * the system properties (JDK types only) and every class loader's copy of this class finds it there.
 */
public final class SharedApiServer {
    private static final String KEY = "kube-dc-net.test.apiserver";

    private SharedApiServer() {}

    @SuppressWarnings("unchecked")
    public static ApiServer.Endpoint get() {
        synchronized (System.getProperties()) {
            Object shared = System.getProperties().get(KEY);
            if (shared == null) {
                ApiServerBinaries binaries = ApiServerBinaries.find()
                        .orElseThrow(
                                () -> new IllegalStateException(
                                        "no kube-apiserver/etcd binaries: run ./scripts/build-apiserver.sh (./test.sh does), or set KUBEBUILDER_ASSETS"));
                ApiServer server = ApiServer.start(binaries, 0);
                try (KubernetesClient c = server.client("kube-dc-net-test-setup")) {
                    Crds.installAll(c);
                    // the release namespace (leases, events of the platform)
                    c.resource(new NamespaceBuilder()
                                    .withNewMetadata()
                                    .withName("kube-dc")
                                    .endMetadata()
                                    .build())
                            .serverSideApply();
                }
                shared = server.endpoint().asList();
                System.getProperties().put(KEY, shared);
            }
            return ApiServer.Endpoint.of((List<String>) shared);
        }
    }
}
