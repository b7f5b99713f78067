package com.kubedc.net.chart;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.support.Chart;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.testkit.ApiServer;
import com.kubedc.net.testkit.ApiServerBinaries;
import com.kubedc.net.testkit.AuditLog;
import com.kubedc.net.testkit.Crds;
import com.kubedc.net.testkit.LocalNb;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.UpgradeCommand;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The chart installed by Helm (helm-java) into a real API server of its own, and the packaged
 * controller run exactly as the installed Deployment says. Runs after {@code package} (failsafe).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChartInstallIT {
    static ApiServer server;
    static KubernetesClient admin;
    static Path kubeconfig;
    static Path work;
    static LocalNb nb;
    static Path app;

    @BeforeAll
    static void startServer() throws IOException {
        server = ApiServer.start(
                ApiServerBinaries.find()
                        .orElseThrow(() -> new IllegalStateException(
                                "no kube-apiserver/etcd binaries: run scripts/build-apiserver.sh")),
                0,
                false);
        work = Files.createTempDirectory("chart-install-it");
        kubeconfig = server.writeKubeconfig(work.resolve("admin.kubeconfig"));
        admin = server.client("chart-install-it");
        Crds.install(admin, Crds.read(Crds.THIRD_PARTY));
        admin.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("envoy-gateway-system")
                        .endMetadata()
                        .build())
                .serverSideApply();
        nb = LocalNb.start();
    }

    @AfterAll
    static void stopServer() {
        if (nb != null) {
            nb.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (server != null) {
            server.close();
        }
        delete(app);
        delete(work);
    }

    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder
        }
    }

    static Release install(Path chart, String release, String namespace, Map<String, ?> values) {
        InstallCommand c = new Helm(chart)
                .install()
                .withName(release)
                .withNamespace(namespace)
                .createNamespace()
                .withKubeConfig(kubeconfig);
        for (var e : values.entrySet()) {
            c = c.set(e.getKey(), e.getValue());
        }
        return c.call();
    }

    static Release upgrade(Path chart, String release, String namespace, Map<String, ?> values) {
        UpgradeCommand c = new Helm(chart)
                .upgrade()
                .withName(release)
                .withNamespace(namespace)
                .withKubeConfig(kubeconfig);
        for (var e : values.entrySet()) {
            c = c.set(e.getKey(), e.getValue());
        }
        return c.call();
    }

    static Map<String, Object> controllerValues() {
        return Map.of("ovn.dbAddresses", nb.endpoint());
    }

    /** The object as the server has it, or null. */
    static HasMetadata live(HasMetadata o, String namespace) {
        GenericKubernetesResource g = new GenericKubernetesResource();
        g.setApiVersion(o.getApiVersion());
        g.setKind(o.getKind());
        g.setMetadata(o.getMetadata());
        var ctx = new io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext.Builder()
                .withGroup(
                        o.getApiVersion().contains("/")
                                ? o.getApiVersion()
                                        .substring(0, o.getApiVersion().indexOf('/'))
                                : "")
                .withVersion(o.getApiVersion().substring(o.getApiVersion().indexOf('/') + 1))
                .withKind(o.getKind())
                .withNamespaced(o.getMetadata().getNamespace() != null)
                .build();
        var op = admin.genericKubernetesResources(ctx);
        return o.getMetadata().getNamespace() != null
                ? op.inNamespace(o.getMetadata().getNamespace())
                        .withName(o.getMetadata().getName())
                        .get()
                : op.withName(o.getMetadata().getName()).get();
    }

    @Test
    @Order(1)
    void theDefaultReleaseInstallsAndTheControllerBecomesReadyUnderTheChartsSettings() throws Exception {
        assertTrue(
                ChartProcess.mountNamespaces(),
                "this test needs root and `unshare --mount` (a private mount namespace) to emulate the read-only root filesystem");
        Release r = install(Chart.DIR, Chart.RELEASE, Chart.NAMESPACE, controllerValues());
        assertEquals("deployed", r.getStatus());
        Deployment d = admin.apps()
                .deployments()
                .inNamespace(Chart.NAMESPACE)
                .withName("kube-dc-net")
                .get();
        Map<String, String> env = new HashMap<>(ChartProcess.environment(d, Chart.NAMESPACE));
        int port = LocalNb.freePort();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port)); // the container's port 8080 is the host's here

        app = ChartProcess.copyApplication();
        Files.copy(server.caFile(), app.resolve("ca.crt"));
        Files.setPosixFilePermissions(
                app.resolve("ca.crt"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        server.writeKubeconfig(
                app.resolve("kubeconfig"),
                app.resolve("ca.crt"),
                server.endpoint().controllerToken());
        Files.setPosixFilePermissions(
                app.resolve("kubeconfig"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        env.put("KUBECONFIG", app.resolve("kubeconfig").toString());

        // the chart without its /tmp volume: the original defect, seen by this emulation
        Path failedLog = work.resolve("no-tmp-volume.log");
        Process failed = ChartProcess.start(app, env, failedLog, false);
        assertTrue(
                failed.waitFor(90, java.util.concurrent.TimeUnit.SECONDS),
                "without a writable /tmp the application must fail at start");
        String failure = Files.readString(failedLog);
        assertTrue(failed.exitValue() != 0 && failure.contains("Failed to start"), ChartProcess.tail(failedLog));

        AuditLog audit = new AuditLog(Path.of(server.auditLogPath().toString())).fromNow();
        Path log = work.resolve("controller.log");
        Process p = ChartProcess.start(app, env, log, true);
        try {
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        assertTrue(p.isAlive(), () -> "the controller exited:\n" + ChartProcess.tail(log));
                        try {
                            return http.send(
                                                    HttpRequest.newBuilder(URI.create(
                                                                    "http://127.0.0.1:" + port + "/q/health/ready"))
                                                            .build(),
                                                    HttpResponse.BodyHandlers.ofString())
                                            .statusCode()
                                    == 200;
                        } catch (IOException e) {
                            return false;
                        }
                    });
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> admin.leases()
                                    .inNamespace(Chart.NAMESPACE)
                                    .withName("kube-dc-net-leader")
                                    .get()
                            != null);
            // and it works under the chart's RBAC: a Project is taken in hand (finalizer, conditions)
            admin.resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName("chart-org")
                            .endMetadata()
                            .build())
                    .serverSideApply();
            admin.resource(Fixtures.project("chart-org", "web", "10.44.0.0/24", "cloud"))
                    .create();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Project project = admin.resources(Project.class)
                        .inNamespace("chart-org")
                        .withName("web")
                        .get();
                return !project.getMetadata().getFinalizers().isEmpty()
                        && project.getStatus() != null
                        && !project.getStatus().getConditions().isEmpty();
            });
            System.out.println("[chart-run] the Project as the controller left it: "
                    + io.fabric8.kubernetes.client.utils.Serialization.asJson(admin.resources(Project.class)
                            .inNamespace("chart-org")
                            .withName("web")
                            .get()
                            .getStatus()
                            .getConditions()));
            List<String> refused = audit.next().stream()
                    .filter(e -> ApiServer.CONTROLLER_USER.equals(e.user()) && e.code() == 403)
                    .map(AuditLog.Entry::line)
                    .toList();
            assertEquals(List.of(), refused, "requests of the chart's ServiceAccount refused by the chart's RBAC");
            assertFalse(Files.readString(log).contains("Failed to start"), ChartProcess.tail(log));
        } finally {
            p.destroy();
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    @Order(2)
    void everyValueSetInstallsAndTheServerAcceptsEveryObject() {
        int i = 0;
        for (var set : ChartValueSets.all().entrySet()) {
            String release = "set" + i++;
            String ns = "chart-" + release;
            Map<String, Object> values = new HashMap<>(set.getValue());
            values.put("crds.install", "false"); // the CRDs belong to the first release
            Release r = install(Chart.DIR, release, ns, values);
            assertEquals("deployed", r.getStatus(), set.getKey());
            List<HasMetadata> rendered = Chart.parse(Chart.template(release, ns, values));
            assertFalse(rendered.isEmpty());
            for (HasMetadata o : rendered) {
                assertNotNull(
                        live(o, ns),
                        set.getKey() + ": " + o.getKind() + " "
                                + o.getMetadata().getName() + " is not in the server");
            }
        }
    }

    @Test
    @Order(3)
    void aServiceMonitorAppearsOnceTheClusterServesTheKind() throws Exception {
        Map<String, Object> values = Map.of("crds.install", "false", "metrics.serviceMonitor.enabled", "true");
        Release r = install(Chart.DIR, "mon", "chart-mon", values);
        assertTrue(r.getOutput().contains("none was created"), r.getOutput());
        var crd = admin.getKubernetesSerialization()
                .unmarshal(
                        Files.readString(Path.of("src/test/resources/crds/servicemonitors.monitoring.coreos.com.yaml")),
                        CustomResourceDefinition.class);
        Crds.install(admin, List.of(crd));
        upgrade(Chart.DIR, "mon", "chart-mon", values);
        var ctx = new io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext.Builder()
                .withGroup("monitoring.coreos.com")
                .withVersion("v1")
                .withKind("ServiceMonitor")
                .withPlural("servicemonitors")
                .withNamespaced(true)
                .build();
        GenericKubernetesResource sm = admin.genericKubernetesResources(ctx)
                .inNamespace("chart-mon")
                .withName("mon-kube-dc-net")
                .get();
        assertNotNull(sm, "the upgrade created the ServiceMonitor");
        assertEquals(
                Map.of("app.kubernetes.io/name", "kube-dc-net", "app.kubernetes.io/instance", "mon"),
                ((Map<?, ?>) ((Map<?, ?>) sm.getAdditionalProperties().get("spec")).get("selector"))
                        .get("matchLabels"));
    }

    @Test
    @Order(4)
    void anUpgradeUpgradesTheCrdsAndAnUninstallKeepsThem() throws IOException {
        // the previous chart version: the EIp CRD without its Ownership column
        Path older = work.resolve("older-chart");
        try (Stream<Path> files = Files.walk(Chart.DIR)) {
            for (Path p : files.toList()) {
                Path to = older.resolve(Chart.DIR.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path eipCrd = older.resolve("files/crds/eips.kube-dc.com-v1.yml");
        String text = Files.readString(eipCrd);
        String column =
                "    - jsonPath: \".status.ownershipType\"\n      name: \"Ownership\"\n      priority: 0\n      type: \"string\"\n";
        assertTrue(text.contains(column), "the EIp CRD has the Ownership column");
        Files.writeString(eipCrd, text.replace(column, ""));

        upgrade(older, Chart.RELEASE, Chart.NAMESPACE, controllerValues());
        assertFalse(columns().contains("Ownership"), "the older CRD is installed: " + columns());
        upgrade(Chart.DIR, Chart.RELEASE, Chart.NAMESPACE, controllerValues());
        assertTrue(columns().contains("Ownership"), "helm upgrade brought the CRD's new version: " + columns());

        admin.resource(Fixtures.eip(Chart.NAMESPACE, "kept")).create();
        new Helm(Chart.DIR)
                .uninstall(Chart.RELEASE)
                .withNamespace(Chart.NAMESPACE)
                .withKubeConfig(kubeconfig)
                .call();
        assertNull(
                admin.apps()
                        .deployments()
                        .inNamespace(Chart.NAMESPACE)
                        .withName("kube-dc-net")
                        .get(),
                "the release is gone");
        assertNotNull(
                admin.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName("eips.kube-dc.com")
                        .get(),
                "the CRD is kept");
        assertNotNull(
                admin.resources(com.kubedc.net.api.v1.EIp.class)
                        .inNamespace(Chart.NAMESPACE)
                        .withName("kept")
                        .get(),
                "and the EIps with it");
    }

    @Test
    @Order(5)
    void crdsAnotherReleaseOwnsAreRefusedUntilHandedOverAsTheReadmeSays() {
        // the CRDs kept by the uninstall above, as if upstream's release "kube-dc" owned them
        String[] crds = {"projects.kube-dc.com", "eips.kube-dc.com", "fips.kube-dc.com"};
        for (String crd : crds) {
            admin.apiextensions().v1().customResourceDefinitions().withName(crd).edit(c -> {
                c.getMetadata().getAnnotations().put("meta.helm.sh/release-name", "kube-dc");
                return c;
            });
        }
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class,
                () -> install(Chart.DIR, Chart.RELEASE, Chart.NAMESPACE, controllerValues()));
        assertTrue(refused.getMessage().contains("invalid ownership metadata"), refused.getMessage());
        assertEquals(
                "deployed",
                install(Chart.DIR, Chart.RELEASE, Chart.NAMESPACE, Map.of("crds.install", "false"))
                        .getStatus(),
                "with crds.install=false it installs beside them");
        for (String crd : crds) { // helm/kube-dc-net/README.md, "Upgrades and the CRDs"
            admin.apiextensions().v1().customResourceDefinitions().withName(crd).edit(c -> {
                c.getMetadata().getAnnotations().put("meta.helm.sh/release-name", Chart.RELEASE);
                c.getMetadata().getAnnotations().put("meta.helm.sh/release-namespace", Chart.NAMESPACE);
                c.getMetadata().getLabels().put("app.kubernetes.io/managed-by", "Helm");
                return c;
            });
        }
        assertEquals(
                "deployed",
                upgrade(Chart.DIR, Chart.RELEASE, Chart.NAMESPACE, Map.of("crds.install", "true"))
                        .getStatus());
        assertEquals(
                "kube-dc-net-0.1.0",
                admin.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName("eips.kube-dc.com")
                        .get()
                        .getMetadata()
                        .getLabels()
                        .get("helm.sh/chart"),
                "the release owns and renders them now");
    }

    static List<String> columns() {
        CustomResourceDefinition crd = admin.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("eips.kube-dc.com")
                .get();
        List<String> names = new ArrayList<>();
        crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns().forEach(c -> names.add(c.getName()));
        return names;
    }
}
