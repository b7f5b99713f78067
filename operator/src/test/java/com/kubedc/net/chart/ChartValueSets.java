package com.kubedc.net.chart;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The table of value sets the chart is rendered, linted and installed with: each a way an operator
 * installs it ({@code --set} pairs as the command line gives them).
 */
final class ChartValueSets {
    private ChartValueSets() {}

    static Map<String, Map<String, Object>> all() {
        Map<String, Map<String, Object>> sets = new LinkedHashMap<>();
        sets.put("defaults", Map.of());
        sets.put("public projects", Map.of("allowPublicProjects", "true"));
        sets.put("two replicas", Map.of("replicaCount", "2", "podDisruptionBudget.minAvailable", "1"));
        sets.put(
                "pinned image",
                Map.of(
                        "image.repository",
                        "registry.example.com/kube-dc-net",
                        "image.tag",
                        "1.2.3",
                        "image.pullPolicy",
                        "Always",
                        "imagePullSecrets[0].name",
                        "regcred"));
        sets.put(
                "scheduled like upstream",
                Map.of(
                        "nodeSelector.kube-dc-manager",
                        "manager",
                        "tolerations[0].key",
                        "node-role.kubernetes.io/control-plane",
                        "tolerations[0].operator",
                        "Exists",
                        "tolerations[0].effect",
                        "NoSchedule",
                        "priorityClassName",
                        "system-cluster-critical"));
        sets.put(
                "sized",
                Map.of(
                        "resources.requests.cpu",
                        "250m",
                        "resources.requests.memory",
                        "256Mi",
                        "resources.limits.memory",
                        "384Mi"));
        sets.put(
                "production network",
                Map.of(
                        "ovn.dbAddresses",
                        "tcp:10.0.0.1:6641,tcp:10.0.0.2:6641,tcp:10.0.0.3:6641",
                        "gateway.baseDomain",
                        "example.com",
                        "gateway.defaultTlsIssuerRef",
                        "ClusterIssuer/letsencrypt",
                        "isolation.ingress",
                        "true",
                        "isolation.egressGlobalAllowlist[0]",
                        "10.0.0.0/8",
                        "isolation.egressGlobalAllowlist[1]",
                        "192.0.2.1",
                        "vpcDns.replicas",
                        "2"));
        sets.put("no gateway", Map.of("gateway.enabled", "false"));
        sets.put(
                "metrics by ServiceMonitor",
                Map.of("metrics.serviceMonitor.enabled", "true", "metrics.serviceMonitor.labels.release", "prom"));
        sets.put(
                "CRDs owned elsewhere, no policies",
                Map.of(
                        "crds.install",
                        "false",
                        "admissionPolicies.serviceNetworkType",
                        "false",
                        "admissionPolicies.protectProjectAnnotations",
                        "false"));
        return sets;
    }
}
