package com.kubedc.net.gatewayroute;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.common.StatusReporter;
import com.kubedc.net.loadbalancer.LbReasons;
import com.kubedc.net.loadbalancer.LbStatusSpec;
import com.kubedc.net.support.ApiRecorder;
import com.kubedc.net.support.Routes;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.ServiceAddresses;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.LoadBalancerStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The load-balancer and route controllers share one Service's status: each writes its own
 * condition (and only the load balancer the ingress), and a write computed on a read that missed
 * the other's write keeps it. The route controller runs for real; the load balancer is played with
 * its real status spec through the one reporter, from a stale read (the Service is of another
 * class, so the real load-balancer controller leaves it alone).
 */
@Tag("server")
@QuarkusTest
class SharedServiceStatusTest {
    @Inject
    StatusReporter reporter;

    @Inject
    Clock clock;

    TestCluster cluster;
    Routes routes;

    @BeforeEach
    void cluster() {
        cluster = TestCluster.get();
        routes = new Routes(cluster);
    }

    /** The load balancer's status for an address. */
    LbStatusSpec lb(String address) {
        return new LbStatusSpec(
                x -> {
                    ServiceStatus s = new ServiceStatus();
                    List<Condition> prev =
                            x.getStatus() == null ? null : x.getStatus().getConditions();
                    s.setConditions(Conditions.put(
                            prev,
                            x.getMetadata().getGeneration(),
                            clock,
                            LbReasons.LOAD_BALANCER_READY,
                            true,
                            "Programmed",
                            "exposed on " + address));
                    s.setLoadBalancer(new LoadBalancerStatus(List.of(
                            new LoadBalancerIngressBuilder().withIp(address).build())));
                    return s;
                },
                true);
    }

    static List<String> types(Service s) {
        return s.getStatus().getConditions().stream().map(Condition::getType).toList();
    }

    static String lbReason(Service s) {
        return Conditions.reason(s.getStatus().getConditions(), LbReasons.LOAD_BALANCER_READY);
    }

    @Test
    void eachControllersConditionSurvivesTheOthersWritesAlsoWhenComputedOnAStaleRead() {
        String ns = cluster.readyProject("shared", "status", "10.63.0.0/24");
        Service svc = Services.loadBalancer(ns, "both", Map.of(Keys.CREATE_GATEWAY_BACKEND, "true"), "http:80>8080");
        svc.getSpec().setLoadBalancerClass("example.com/not-ours");
        Service stale = cluster.client.resource(svc).create();
        routes.awaitReason(ns, "both", RouteReasons.WAITING_FOR_ADDRESS);
        // a third writer's condition, which both must keep in its place
        cluster.clientWithAgent(ApiRecorder.TEST_USER_AGENT + "-other")
                .services()
                .inNamespace(ns)
                .withName("both")
                .subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), """
                        {"status": {"conditions": [{"type": "example.com/Other", "status": "True", "reason": "Theirs", "message": "",
                         "lastTransitionTime": "2026-01-01T00:00:00Z"}, %s]}}""".formatted(Serialization.asJson(
                        Conditions.find(routes.get(ns, "both").getStatus().getConditions(), RouteReasons.ROUTE_READY)
                                .orElseThrow())));

        // the load balancer writes from a read made before the route's condition and the third one existed
        assertTrue(reporter.report(stale, null, lb("203.0.113.7")).wrote());
        Service now = routes.get(ns, "both");
        assertEquals(List.of("example.com/Other", RouteReasons.ROUTE_READY, LbReasons.LOAD_BALANCER_READY), types(now));
        assertEquals(List.of("203.0.113.7"), ServiceAddresses.ips(now.getStatus()));
        // the route controller sees the address and writes its own condition: the load balancer's stays
        routes.awaitReason(ns, "both", RouteReasons.BACKEND_READY);
        assertEquals("Programmed", lbReason(routes.get(ns, "both")));

        // the route's condition written from the stale read (refused, recomputed on the fresh one): the load balancer's
        // parts stay (an outcome, written at once: a step on the way would wait for the progress interval)
        assertTrue(reporter.report(stale, null, new RouteStatusSpec(RouteOutcome.backendOnly("stale"), clock))
                .wrote());
        now = routes.get(ns, "both");
        assertEquals("Programmed", lbReason(now));
        assertEquals(List.of("203.0.113.7"), ServiceAddresses.ips(now.getStatus()));

        // the load balancer moves to a new address, again from the stale read: the route follows it, both conditions
        // stay
        reporter.report(stale, null, lb("203.0.113.8"));
        await().atMost(Routes.WAIT)
                .until(() -> Conditions.find(
                                routes.get(ns, "both").getStatus().getConditions(), RouteReasons.ROUTE_READY)
                        .map(c -> c.getMessage().contains("203.0.113.8"))
                        .orElse(false));
        cluster.awaitQuiet();
        now = routes.get(ns, "both");
        assertEquals(List.of("example.com/Other", RouteReasons.ROUTE_READY, LbReasons.LOAD_BALANCER_READY), types(now));
        assertEquals(RouteReasons.BACKEND_READY, routes.reason(ns, "both"));
        assertEquals(
                "exposed on 203.0.113.8",
                Conditions.find(now.getStatus().getConditions(), LbReasons.LOAD_BALANCER_READY)
                        .orElseThrow()
                        .getMessage());
        assertEquals(List.of("203.0.113.8"), ServiceAddresses.ips(now.getStatus()));
        assertFalse(reporter.report(now, null, lb("203.0.113.8")).wrote(), "converged: nothing to write");
    }
}
