package com.kubedc.net.scenario;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.common.Refusals;
import com.kubedc.net.gatewayroute.RouteReasons;
import com.kubedc.net.project.Reasons;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.Routes;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.vocabulary.Conditions;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code kubedc_refusals_total{kind, reason}}: a refusal counts once, when the object enters the
 * reason, however often it is reconciled afterwards (for the Project and gateway-route
 * controllers here; EIp, FIp and LoadBalancer in their own tests).
 */
@Tag("server")
@QuarkusTest
class RefusalsCountedTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    MeterRegistry registry;

    TestCluster cluster = TestCluster.get();

    @Test
    void aRefusedProjectIsCountedOnceNotPerReconcile() {
        double before = refusals(Refusals.PROJECT, Reasons.INVALID_CIDR);
        cluster.create(Fixtures.project("rcount", "bad", "10.0.0/24", "cloud"));
        await().atMost(WAIT).until(() -> {
            Project p = cluster.get("rcount", "bad");
            return p.getStatus() != null
                    && Reasons.INVALID_CIDR.equals(
                            Conditions.reason(p.getStatus().getConditions(), Reasons.INPUT_VALID));
        });
        cluster.awaitQuiet();
        assertEquals(before + 1, refusals(Refusals.PROJECT, Reasons.INVALID_CIDR));

        double reconciled = reconciles("project");
        cluster.client
                .resources(Project.class)
                .inNamespace("rcount")
                .withName("bad")
                .edit(p -> {
                    p.getMetadata()
                            .setAnnotations(new java.util.HashMap<>(
                                    p.getMetadata().getAnnotations() == null
                                            ? java.util.Map.of()
                                            : p.getMetadata().getAnnotations()));
                    p.getMetadata().getAnnotations().put("touched", "once");
                    return p;
                });
        await().atMost(WAIT).until(() -> reconciles("project") > reconciled);
        cluster.awaitQuiet();
        assertEquals(before + 1, refusals(Refusals.PROJECT, Reasons.INVALID_CIDR));
    }

    @Test
    void aRefusedRouteIsCountedOnceNotPerReconcile() {
        String ns = cluster.readyProject("rcount", "routes", "10.49.0.0/24");
        double before = refusals(Refusals.GATEWAY_ROUTE, RouteReasons.INVALID_ROUTE_TYPE);
        cluster.client
                .resource(Services.loadBalancer(ns, "ftp", Routes.route("ftp"), "http:80>8080"))
                .create();
        new Routes(cluster).awaitReason(ns, "ftp", RouteReasons.INVALID_ROUTE_TYPE);
        cluster.awaitQuiet();
        assertEquals(before + 1, refusals(Refusals.GATEWAY_ROUTE, RouteReasons.INVALID_ROUTE_TYPE));

        double reconciled = reconciles("gatewayroute");
        cluster.client.services().inNamespace(ns).withName("ftp").edit(s -> {
            s.getMetadata().getAnnotations().put("touched", "once");
            return s;
        });
        await().atMost(WAIT).until(() -> reconciles("gatewayroute") > reconciled);
        cluster.awaitQuiet();
        assertEquals(before + 1, refusals(Refusals.GATEWAY_ROUTE, RouteReasons.INVALID_ROUTE_TYPE));
    }

    double refusals(String kind, String reason) {
        var c = registry.find(Refusals.METRIC)
                .tags("kind", kind, "reason", reason)
                .counter();
        return c == null ? 0 : c.count();
    }

    double reconciles(String controller) {
        return registry.find("kubedc.reconciliations").tags("controller", controller).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }
}
