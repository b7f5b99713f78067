package com.kubedc.net.loadbalancer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.support.NbTestResource;
import com.kubedc.net.support.Routes;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.ServiceAddresses;
import com.kubedc.net.vocabulary.ServiceBinding;
import io.fabric8.kubernetes.api.model.Service;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Our finalizers only on Services we program: LoadBalancers without another class, in project
 * namespaces. Elsewhere a Service is never finalized, so it stays deletable without kube-dc-net;
 * a LoadBalancer without a class there is told why it gets no address (condition, one Warning).
 */
@Tag("server")
@QuarkusTest
@QuarkusTestResource(value = NbTestResource.class, restrictToAnnotatedClass = true)
class ServiceLbScopeTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    TestCluster cluster;

    @jakarta.inject.Inject
    io.javaoperatorsdk.operator.Operator operator;

    @BeforeEach
    void cluster() {
        cluster = TestCluster.get();
    }

    Service get(String ns, String name) {
        return cluster.client.services().inNamespace(ns).withName(name).get();
    }

    static List<String> finalizers(Service s) {
        return s.getMetadata().getFinalizers() == null
                ? List.of()
                : s.getMetadata().getFinalizers();
    }

    @Test
    void aLoadBalancerOutsideProjectNamespacesIsToldWhyOnceAndGetsNoFinalizerNoAddressNoEIpAndNoRows() {
        cluster.organization("platform-x");
        double before = refusals();
        Map<String, String> routed = new HashMap<>(Routes.route("http"));
        cluster.client
                .resource(Services.loadBalancer("platform-x", "ingress", routed, "http:80>80"))
                .create();
        Service metallb = Services.loadBalancer("platform-x", "vip", Map.of(), "http:80>80");
        metallb.getSpec().setLoadBalancerClass("metallb");
        Service otherClass = cluster.client.resource(metallb).create();
        // created after them, in a project: once this one is programmed, the controllers have seen all three
        String ns = cluster.readyProject("scope", "one", "10.50.0.0/24");
        cluster.client
                .resource(Services.loadBalancer(ns, "web", Map.of(Keys.BIND_ON_DEFAULT_GW, "true"), "http:80>80"))
                .create();
        await().atMost(WAIT)
                .until(() -> !ServiceAddresses.ips(get(ns, "web").getStatus()).isEmpty());
        assertTrue(finalizers(get(ns, "web")).contains(Keys.LOADBALANCER_FINALIZER), "the project's Service is ours");
        await().atMost(WAIT)
                .until(() -> LbReasons.NOT_A_PROJECT_NAMESPACE.equals(reason(get("platform-x", "ingress"))));
        cluster.awaitQuiet();

        Service now = get("platform-x", "ingress");
        assertEquals(List.of(), finalizers(now));
        var condition = Conditions.find(now.getStatus().getConditions(), LbReasons.LOAD_BALANCER_READY)
                .orElseThrow();
        assertEquals(Conditions.FALSE, condition.getStatus());
        assertTrue(condition.getMessage().contains("namespace platform-x"), condition.getMessage());
        assertEquals(List.of(), ServiceAddresses.ips(now.getStatus()));
        assertEquals(
                List.of("Warning " + LbReasons.NOT_A_PROJECT_NAMESPACE),
                typedReasons(cluster.events("platform-x", "ingress")));
        assertEquals(
                List.of(),
                cluster.client
                        .resources(com.kubedc.net.api.v1.EIp.class)
                        .inNamespace("platform-x")
                        .list()
                        .getItems());
        assertEquals(
                "",
                NbTestResource.server()
                        .nbctl("--bare", "--columns=name", "find", "Load_Balancer", "name=platform-x-ingress-tcp")
                        .trim());
        assertEquals(before + 1, refusals());

        // reconciled again (any change of the Service): still refused, not told or counted twice
        cluster.client.services().inNamespace("platform-x").withName("ingress").edit(x -> {
            x.getMetadata().getAnnotations().put("touched", "yes");
            return x;
        });
        cluster.awaitQuiet();
        assertEquals(
                List.of("Warning " + LbReasons.NOT_A_PROJECT_NAMESPACE),
                typedReasons(cluster.events("platform-x", "ingress")));
        assertEquals(before + 1, refusals());

        // another class is never ours, wherever it is
        assertEquals(
                otherClass.getMetadata().getResourceVersion(),
                get("platform-x", "vip").getMetadata().getResourceVersion(),
                "not written");
        assertEquals(List.of(), ours(cluster.events("platform-x", "vip")));
    }

    @Test
    void aServiceOnTheDefaultGatewayBeforeTheProjectMadeItWaitsWithoutAWarning() {
        String ns = "scope-nogw";
        cluster.projectNamespace(ns); // labelled, its default-gw not made yet (no Project here: it never is)
        cluster.client
                .resource(Services.loadBalancer(ns, "web", Map.of(Keys.BIND_ON_DEFAULT_GW, "true"), "http:80>80"))
                .create();
        await().atMost(WAIT).until(() -> LbReasons.WAITING_FOR_EIP.equals(reason(get(ns, "web"))));
        cluster.awaitQuiet();
        assertEquals(
                List.of(),
                typedReasons(cluster.events(ns, "web")).stream()
                        .filter(r -> r.startsWith("Warning"))
                        .toList());

        // as the Project would: an EIp default-gw appears and the Service takes it (then waits for the router no
        // Project makes here)
        cluster.client
                .resource(com.kubedc.net.support.Fixtures.eip(ns, ServiceBinding.DEFAULT_GW))
                .create();
        await().atMost(WAIT).until(() -> LbReasons.WAITING_FOR_OVN.equals(reason(get(ns, "web"))));
        assertEquals(
                List.of(),
                typedReasons(cluster.events(ns, "web")).stream()
                        .filter(r -> r.startsWith("Warning"))
                        .toList());
    }

    @Test
    void aMetallbServiceInAProjectNamespaceIsUntouched() {
        String ns = cluster.readyProject("scope", "two", "10.50.1.0/24");
        Service metallb = Services.loadBalancer(ns, "vip", Map.of(), "http:80>80");
        metallb.getSpec().setLoadBalancerClass("metallb");
        metallb.getMetadata().setFinalizers(List.of("metallb.io/example"));
        Service created = cluster.client.resource(metallb).create();
        cluster.client
                .resource(Services.loadBalancer(ns, "web", Map.of(Keys.BIND_ON_DEFAULT_GW, "true"), "http:80>80"))
                .create();
        await().atMost(WAIT)
                .until(() -> !ServiceAddresses.ips(get(ns, "web").getStatus()).isEmpty());
        cluster.awaitQuiet();

        Service now = get(ns, "vip");
        assertEquals(
                created.getMetadata().getResourceVersion(),
                now.getMetadata().getResourceVersion(),
                "not written at all");
        assertEquals(List.of("metallb.io/example"), finalizers(now));
        assertEquals(List.of(), ours(cluster.events(ns, "vip")));
        cluster.client.resource(now).edit(x -> {
            x.getMetadata().setFinalizers(List.of());
            return x;
        });
    }

    @Test
    void whenItsNamespaceStopsBeingAProjectsTheServiceIsReleasedAndLetGo() {
        String ns = "scope-labelled";
        cluster.projectNamespace(ns);
        cluster.client
                .resource(Services.loadBalancer(ns, "web", Map.of(Keys.BIND_ON_EIP, "missing"), "http:80>80"))
                .create();
        await().atMost(WAIT).until(() -> LbReasons.EIP_NOT_FOUND.equals(reason(get(ns, "web"))));
        assertTrue(finalizers(get(ns, "web")).contains(Keys.LOADBALANCER_FINALIZER));

        cluster.client.namespaces().withName(ns).edit(n -> {
            n.getMetadata().getLabels().remove(Keys.PROJECT);
            return n;
        });
        await().atMost(WAIT)
                .until(() -> !finalizers(get(ns, "web")).contains(Keys.LOADBALANCER_FINALIZER)
                        && LbReasons.NOT_A_PROJECT_NAMESPACE.equals(reason(get(ns, "web"))));
        cluster.awaitQuiet();
        assertEquals(List.of(), finalizers(get(ns, "web")));
        assertEquals(LbReasons.NOT_A_PROJECT_NAMESPACE, reason(get(ns, "web")), "told why it has no address now");

        // labelled again: taken on again
        cluster.client.namespaces().withName(ns).edit(n -> {
            n.getMetadata().getLabels().put(Keys.PROJECT, "");
            return n;
        });
        await().atMost(WAIT)
                .until(() -> LbReasons.EIP_NOT_FOUND.equals(reason(get(ns, "web")))
                        && finalizers(get(ns, "web")).contains(Keys.LOADBALANCER_FINALIZER));
    }

    @Test
    void aRouteRequestOutsideProjectNamespacesGetsNoRouteFinalizer() {
        cluster.organization("platform-y");
        Service outside = cluster.client
                .resource(Services.loadBalancer("platform-y", "docs", Routes.route("http"), "http:80>80"))
                .create();
        String ns = cluster.readyProject("scope", "three", "10.50.2.0/24");
        cluster.client
                .resource(Services.loadBalancer(ns, "docs", Routes.route("http"), "http:80>80"))
                .create();
        await().atMost(WAIT).until(() -> finalizers(get(ns, "docs")).contains(Keys.ROUTE_FINALIZER));
        cluster.awaitQuiet();
        assertEquals(List.of(), finalizers(get("platform-y", "docs")));
        // the load-balancer controller tells it why it has no address; the route controller writes nothing
        Service now = get("platform-y", "docs");
        assertEquals(outside.getMetadata().getAnnotations(), now.getMetadata().getAnnotations());
        assertTrue(
                Conditions.find(now.getStatus().getConditions(), com.kubedc.net.gatewayroute.RouteReasons.ROUTE_READY)
                        .isEmpty(),
                "no route condition: " + now.getStatus());
        assertEquals(
                List.of("Warning " + LbReasons.NOT_A_PROJECT_NAMESPACE),
                typedReasons(cluster.events("platform-y", "docs")));
    }

    @Test
    void bothServiceControllersAreHandedEveryEventSoTheyManageTheirFinalizers() {
        // Quarkus Operator SDK 7.4.0 would drop the annotation's flag (ops/AllEventsOperator)
        for (String name : List.of("loadbalancer", "gatewayroute")) {
            var c = operator.getRegisteredController(name).orElseThrow().getConfiguration();
            assertTrue(c.triggerReconcilerOnAllEvents(), name);
            assertEquals(Duration.ofMinutes(10), c.maxReconciliationInterval().orElseThrow(), name);
        }
        assertTrue(!operator.getRegisteredController("project")
                .orElseThrow()
                .getConfiguration()
                .triggerReconcilerOnAllEvents());
    }

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    double refusals() {
        var c = registry.find(com.kubedc.net.common.Refusals.METRIC)
                .tags("kind", com.kubedc.net.common.Refusals.LOAD_BALANCER, "reason", LbReasons.NOT_A_PROJECT_NAMESPACE)
                .counter();
        return c == null ? 0 : c.count();
    }

    /** "type reason" of our events. */
    static List<String> typedReasons(List<io.fabric8.kubernetes.api.model.Event> events) {
        return ours(events).stream().map(e -> e.getType() + " " + e.getReason()).toList();
    }

    /** Our events (the API server writes its own, e.g. ClusterIPAllocation). */
    static List<io.fabric8.kubernetes.api.model.Event> ours(List<io.fabric8.kubernetes.api.model.Event> events) {
        return events.stream()
                .filter(e -> "kube-dc-net".equals(e.getReportingComponent())
                        || e.getSource() != null
                                && "kube-dc-net".equals(e.getSource().getComponent()))
                .toList();
    }

    static String reason(Service s) {
        return s == null || s.getStatus() == null
                ? null
                : Conditions.reason(s.getStatus().getConditions(), LbReasons.LOAD_BALANCER_READY);
    }
}
