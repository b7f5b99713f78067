package com.kubedc.net.support;

import com.kubedc.net.sandbox.ApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/** Installs the chart's ServiceAccount, ClusterRoles and bindings for release namespace {@code kube-dc}. */
public final class ChartRbac {
    public static final String NAMESPACE = "kube-dc";

    private ChartRbac() {
    }

    public static void install(ApiServer.Endpoint server) {
        try (KubernetesClient c = server.client("kube-dc-net-test-setup")) {
            for (String file : new String[] {"serviceaccount.yaml", "clusterrole.yaml", "clusterrolebinding.yaml", "rolebinding.yaml"}) {
                for (HasMetadata o : ChartManifests.render(c, file, NAMESPACE, Map.of())) {
                    o.getMetadata().setResourceVersion(null);
                    c.resource(o).forceConflicts().serverSideApply();
                }
            }
        }
    }
}
