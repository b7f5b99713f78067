package com.kubedc.net.support;

import com.kubedc.net.testkit.ApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * Installs the chart's ServiceAccount, ClusterRole, Roles and bindings (default values, release
 * {@value Chart#RELEASE} in {@value Chart#NAMESPACE}: the ServiceAccount is
 * {@link ApiServer#CONTROLLER_USER}).
 */
public final class ChartRbac {
    public static final String NAMESPACE = Chart.NAMESPACE;

    private ChartRbac() {}

    public static void install(ApiServer.Endpoint server) {
        try (KubernetesClient c = server.client("kube-dc-net-test-setup")) {
            for (HasMetadata o : Chart.ofKind(
                    Chart.render(Map.of()),
                    "ServiceAccount",
                    "ClusterRole",
                    "ClusterRoleBinding",
                    "Role",
                    "RoleBinding")) {
                String ns = o.getMetadata().getNamespace();
                if (ns != null) {
                    c.resource(new NamespaceBuilder()
                                    .withNewMetadata()
                                    .withName(ns)
                                    .endMetadata()
                                    .build())
                            .serverSideApply();
                }
                c.resource(o).forceConflicts().serverSideApply();
            }
        }
    }
}
