package com.kubedc.net.apiserver;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.NbTestResource;
import com.kubedc.net.support.RealApiServerResource;
import com.kubedc.net.support.Routes;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.testkit.ApiServer;
import com.kubedc.net.testkit.AuditLog;
import com.kubedc.net.vocabulary.ServiceAddresses;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The controller authenticated as the chart's ServiceAccount with exactly the chart's RBAC: a
 * Project, an EIp, an FIp, a LoadBalancer Service and a gateway route converge and are torn down
 * without one request refused (the audit log records every request of that user, reads included).
 */
@Tag("server")
@QuarkusTest
@TestProfile(ChartRbacTest.ChartServiceAccount.class)
@QuarkusTestResource(value = NbTestResource.class, restrictToAnnotatedClass = true)
class ChartRbacTest {
    /** The application's client is the chart's ServiceAccount. */
    public static class ChartServiceAccount
            implements QuarkusTestProfile, RealApiServerResource.AsChartServiceAccount {}

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aFullScenarioUnderTheChartsRbacIsNeverRefused() {
        TestCluster cluster = TestCluster.get();
        AuditLog audit =
                new AuditLog(Path.of(cluster.server.auditLog())); // from the start: the controller's start-up included
        Routes routes = new Routes(cluster);
        List<AuditLog.Entry> mine = new java.util.ArrayList<>();
        try {
            scenario(cluster, routes);
        } finally {
            audit.next().stream()
                    .filter(e -> ApiServer.CONTROLLER_USER.equals(e.user()))
                    .forEach(mine::add);
            mine.stream()
                    .filter(e -> e.code() == 403)
                    .limit(5)
                    .forEach(e -> System.out.println("[refused] " + e.line()));
        }
        assertTrue(mine.size() > 50, "the controller's requests are recorded under its ServiceAccount: " + mine.size());
        assertEquals(
                List.of(),
                mine.stream()
                        .filter(e -> e.code() == 403)
                        .map(AuditLog.Entry::line)
                        .toList(),
                "refused requests");
    }

    static void scenario(TestCluster cluster, Routes routes) {

        String ns = cluster.readyProject("rbac", "full", "10.32.0.0/24");
        cluster.client.resource(Fixtures.eip(ns, "extra")).create();
        cluster.client.resource(Fixtures.fip(ns, "vm", "extra", "10.32.0.5")).create();
        cluster.client
                .resource(Services.loadBalancer(ns, "web", Map.of(), "http:80>80"))
                .create();
        cluster.client
                .resource(Services.slice(ns, "web", List.of("10.32.0.7"), "http=80"))
                .create();
        cluster.client
                .resource(Services.loadBalancer(ns, "shop", Routes.route("https"), "http:80>8080"))
                .create();

        await().atMost(WAIT).until(() -> {
            FIp f = cluster.client
                    .resources(FIp.class)
                    .inNamespace(ns)
                    .withName("vm")
                    .get();
            return f.getStatus() != null && f.getStatus().isReady();
        });
        routes.awaitPublished(ns, "shop");
        await().atMost(WAIT)
                .until(() -> !ServiceAddresses.ips(cluster.client
                                .services()
                                .inNamespace(ns)
                                .withName("web")
                                .get()
                                .getStatus())
                        .isEmpty());

        cluster.client
                .resources(Project.class)
                .inNamespace("rbac")
                .withName("full")
                .delete();
        await().atMost(Duration.ofSeconds(60)).until(() -> cluster.get("rbac", "full") == null);
    }
}
