package com.kubedc.net.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.support.Chart;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart rendered and linted by Helm's own library for the table of value sets, and what each set must give. */
class ChartRenderTest {
    static Stream<Arguments> valueSets() {
        return ChartValueSets.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static List<HasMetadata> render(Map<String, ?> values) {
        return Chart.render(values);
    }

    static Deployment deployment(List<HasMetadata> objects) {
        return (Deployment) Chart.ofKind(objects, "Deployment").get(0);
    }

    static Container container(List<HasMetadata> objects) {
        return deployment(objects)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
    }

    static Map<String, String> env(List<HasMetadata> objects) {
        return container(objects).getEnv().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    static List<String> kinds(List<HasMetadata> objects) {
        return objects.stream().map(HasMetadata::getKind).sorted().toList();
    }

    @Test
    void theContainerRunsWithTheJvmOptionsOfTheValuesAndTheImageHasTheSameByDefault() throws Exception {
        String values = java.nio.file.Files.readString(Chart.DIR.resolve("values.yaml"));
        var m = java.util.regex.Pattern.compile("(?m)^jvmOptions: \"(.+)\"$").matcher(values);
        assertTrue(m.find(), "values.yaml sets jvmOptions");
        String options = m.group(1);
        assertEquals(options + " -Djava.io.tmpdir=/tmp", env(render(Map.of())).get("JAVA_OPTS"));
        assertEquals(
                options + " -Djava.io.tmpdir=/tmp",
                env(render(Map.of("jvmOptions", options))).get("JAVA_OPTS"));
        assertEquals(
                "-XX:+UseG1GC -Djava.io.tmpdir=/tmp",
                env(render(Map.of("jvmOptions", "-XX:+UseG1GC"))).get("JAVA_OPTS"));
        String dockerfile = java.nio.file.Files.readString(com.kubedc.net.testkit.Repo.path("Dockerfile.jvm"));
        assertTrue(
                dockerfile.contains("ENV JAVA_OPTS=\"" + options + " -Djava.io.tmpdir=/tmp\""),
                "Dockerfile.jvm's JAVA_OPTS are the chart's jvmOptions (docker run gets what the chart ships)");
        assertTrue(options.contains("-XX:+UseSerialGC") && options.contains("MaxRAMPercentage"), options);
    }

    @Test
    void theChartLintsCleanInStrictMode() {
        var result = new Helm(Chart.DIR).lint().strict().call();
        assertFalse(result.isFailed(), String.join("\n", result.getMessages()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyValueSetRendersARunnableLockedDownDeployment(String name, Map<String, Object> values) {
        List<HasMetadata> objects = render(values);
        Container c = container(objects);
        var pod = deployment(objects).getSpec().getTemplate().getSpec();
        assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(
                "/tmp", c.getVolumeMounts().get(0).getMountPath(), "the JVM's temporary files need a writable /tmp");
        assertTrue(pod.getVolumes().stream()
                .anyMatch(v -> v.getName().equals(c.getVolumeMounts().get(0).getName()) && v.getEmptyDir() != null));
        assertEquals(1001L, pod.getSecurityContext().getRunAsUser());
        var binding = (io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding)
                Chart.ofKind(objects, "ClusterRoleBinding").get(0);
        assertEquals(
                pod.getServiceAccountName(),
                binding.getSubjects().get(0).getName(),
                "the pod runs as the bound ServiceAccount");
        assertTrue(env(objects)
                .keySet()
                .containsAll(
                        List.of("KUBE_DC_ALLOW_PUBLIC_PROJECTS", "KUBE_DC_OVN_DB_IPS", "KUBE_DC_GATEWAY_ENABLED")));
    }

    @Test
    void defaultsPullTheAppVersionOnceAndInstallNoOptionalObjects() {
        List<HasMetadata> objects = render(Map.of());
        assertEquals(
                "docker.io/kube-dc/kube-dc-net:0.1.0-SNAPSHOT",
                container(objects).getImage());
        assertEquals("IfNotPresent", container(objects).getImagePullPolicy());
        assertEquals(
                List.of(
                        "ClusterRole",
                        "ClusterRoleBinding",
                        "CustomResourceDefinition",
                        "CustomResourceDefinition",
                        "CustomResourceDefinition",
                        "Deployment",
                        "Role",
                        "Role",
                        "RoleBinding",
                        "RoleBinding",
                        "Service",
                        "ServiceAccount",
                        "ValidatingAdmissionPolicy",
                        "ValidatingAdmissionPolicy",
                        "ValidatingAdmissionPolicy",
                        "ValidatingAdmissionPolicyBinding",
                        "ValidatingAdmissionPolicyBinding",
                        "ValidatingAdmissionPolicyBinding"),
                kinds(objects));
        assertEquals("false", env(objects).get("KUBE_DC_ALLOW_PUBLIC_PROJECTS"));
        assertTrue(objects.stream().anyMatch(o -> o.getMetadata().getName().equals("kube-dc-net-public-projects")));
        Chart.ofKind(objects, "CustomResourceDefinition")
                .forEach(crd -> assertEquals(
                        "keep",
                        crd.getMetadata().getAnnotations().get("helm.sh/resource-policy"),
                        crd.getMetadata().getName()));
    }

    @Test
    void oneSwitchLiftsTheAdmissionGateAndTheControllersCheckOfPublicProjects() {
        List<HasMetadata> objects = render(Map.of("allowPublicProjects", true));
        assertEquals("true", env(objects).get("KUBE_DC_ALLOW_PUBLIC_PROJECTS"));
        assertFalse(objects.stream().anyMatch(o -> o.getMetadata().getName().endsWith("-public-projects")));
    }

    @Test
    void typedValuesComeFromSetAndTyposOrWrongTypesAreRefused() {
        Map<String, String> env = env(render(ChartValueSets.all().get("production network")));
        assertEquals("10.0.0.0/8,192.0.2.1", env.get("KUBE_DC_EGRESS_GLOBAL_ALLOWLIST"));
        assertEquals("2", env.get("KUBE_DC_VPC_DNS_REPLICAS"));
        assertEquals("true", env.get("KUBE_DC_INGRESS_NETWORK_ISOLATION"));
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("allowPublicProject", "true"),
                Map.<String, Object>of("replicaCount", "two"),
                Map.<String, Object>of("ovn.dbAddresses", "10.0.0.1"),
                Map.<String, Object>of("network.defaultEipNetworkType", "internet"),
                Map.<String, Object>of("teardown.forceFinalizerAfter", "soon"))) {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> Chart.template(bad), bad.toString());
            assertTrue(e.getMessage().contains("schema"), e.getMessage());
        }
    }

    @Test
    void moreThanOneReplicaGetsADisruptionBudget() {
        assertEquals(List.of(), Chart.ofKind(render(Map.of()), "PodDisruptionBudget"));
        assertEquals(
                1,
                Chart.ofKind(render(Map.of("replicaCount", 2)), "PodDisruptionBudget")
                        .size());
    }

    @Test
    void imageSchedulingAndResourcesFollowTheValues() {
        List<HasMetadata> objects = render(ChartValueSets.all().get("pinned image"));
        assertEquals(
                "registry.example.com/kube-dc-net:1.2.3", container(objects).getImage());
        assertEquals("Always", container(objects).getImagePullPolicy());
        assertEquals(
                "regcred",
                deployment(objects)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getImagePullSecrets()
                        .get(0)
                        .getName());
        var pod = deployment(render(ChartValueSets.all().get("scheduled like upstream")))
                .getSpec()
                .getTemplate()
                .getSpec();
        assertEquals(Map.of("kube-dc-manager", "manager"), pod.getNodeSelector());
        assertEquals("Exists", pod.getTolerations().get(0).getOperator());
        assertEquals("system-cluster-critical", pod.getPriorityClassName());
        assertEquals(
                "384Mi",
                container(render(ChartValueSets.all().get("sized")))
                        .getResources()
                        .getLimits()
                        .get("memory")
                        .toString());
    }

    @Test
    void aServiceMonitorOnlyWhenEnabledAndTheClusterServesTheKind() {
        // helm template knows no cluster: no ServiceMonitor API, so none even when enabled (ChartInstallIT installs it
        // on a cluster that has one)
        assertEquals(
                List.of(),
                Chart.ofKind(render(ChartValueSets.all().get("metrics by ServiceMonitor")), "ServiceMonitor"));
        var svc = (io.fabric8.kubernetes.api.model.Service)
                Chart.ofKind(render(Map.of()), "Service").get(0);
        assertEquals(
                Map.of("app.kubernetes.io/name", "kube-dc-net", "app.kubernetes.io/instance", "kube-dc-net"),
                svc.getSpec().getSelector());
        assertEquals("http", svc.getSpec().getPorts().get(0).getName());
    }

    @Test
    void everyNameIsPrefixedByTheRelease() {
        List<HasMetadata> objects = Chart.parse(Chart.template("edge", "platform", Map.of()));
        for (HasMetadata o : objects) {
            if (!o.getKind().equals("CustomResourceDefinition")) {
                assertTrue(
                        o.getMetadata().getName().startsWith("edge-kube-dc-net"),
                        o.getKind() + " " + o.getMetadata().getName());
            }
        }
    }

    @Test
    void rbacIsLeastPrivilege() {
        List<HasMetadata> objects = render(Map.of());
        ClusterRole cluster = (ClusterRole) Chart.ofKind(objects, "ClusterRole").get(0);
        List<String> clusterWide = cluster.getRules().stream()
                .flatMap(r -> r.getResources().stream())
                .toList();
        assertFalse(clusterWide.contains("leases"), "the leader Lease is in the release namespace");
        assertFalse(clusterWide.contains("gateways"), "only the configured Gateway is ours");
        assertTrue(cluster.getRules().stream()
                .filter(r -> r.getResources().contains("customresourcedefinitions"))
                .allMatch(r -> r.getVerbs().equals(List.of("get"))
                        && r.getResourceNames().size() == 3));
        assertFalse(
                objects.stream()
                        .anyMatch(o ->
                                o.getKind().endsWith("Binding") && o.toString().contains("name=view")),
                "no view binding");
        Role gateway = (Role) objects.stream()
                .filter(o -> o.getMetadata().getName().equals("kube-dc-net-gateway")
                        && o.getKind().equals("Role"))
                .findFirst()
                .orElseThrow();
        assertEquals("envoy-gateway-system", gateway.getMetadata().getNamespace());
        assertTrue(gateway.getRules().stream()
                .filter(r -> r.getVerbs().contains("update"))
                .allMatch(r -> r.getResourceNames().equals(List.of("eg"))));
        Role leader = (Role) objects.stream()
                .filter(o -> o.getMetadata().getName().equals("kube-dc-net-leader-election"))
                .filter(o -> o.getKind().equals("Role"))
                .findFirst()
                .orElseThrow();
        assertEquals(Chart.NAMESPACE, leader.getMetadata().getNamespace());
        List<HasMetadata> noGateway = render(Map.of("gateway.enabled", false));
        assertFalse(noGateway.stream().anyMatch(o -> o.getMetadata().getName().endsWith("-gateway")));
        assertFalse(((ClusterRole) Chart.ofKind(noGateway, "ClusterRole").get(0))
                .getRules().stream().anyMatch(r -> r.getResources().contains("httproutes")));
    }

    @Test
    void crdsCanBeLeftToAnotherReleaseOrDeletedOnUninstall() {
        assertEquals(List.of(), Chart.ofKind(render(Map.of("crds.install", false)), "CustomResourceDefinition"));
        Chart.ofKind(render(Map.of("crds.keep", false)), "CustomResourceDefinition")
                .forEach(crd -> assertFalse(crd.getMetadata().getAnnotations() != null
                        && crd.getMetadata().getAnnotations().containsKey("helm.sh/resource-policy")));
    }
}
