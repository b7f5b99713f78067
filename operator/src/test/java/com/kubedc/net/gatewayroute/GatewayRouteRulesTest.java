package com.kubedc.net.gatewayroute;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.support.NbTestResource;
import com.kubedc.net.support.Routes;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.testkit.SeedGateway;
import com.kubedc.net.thirdparty.certmanager.Certificate;
import com.kubedc.net.thirdparty.envoy.Backend;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.ServiceAddresses;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Who owns a hostname, the 64-listener budget, concurrent listener edits: the rules between tenants on the shared Gateway. */
@Tag("server")
@QuarkusTest
@QuarkusTestResource(value = NbTestResource.class, restrictToAnnotatedClass = true)
class GatewayRouteRulesTest {
    @Inject
    MeterRegistry registry;

    TestCluster cluster;
    Routes routes;

    @BeforeEach
    void cluster() {
        cluster = TestCluster.get();
        routes = new Routes(cluster);
    }

    void expose(String ns, String name, Map<String, String> annotations) {
        cluster.client
                .resource(Services.loadBalancer(ns, name, annotations, "http:80>8080"))
                .create();
    }

    static Map<String, String> https(String hostname) {
        Map<String, String> a = new HashMap<>(Routes.route("https"));
        if (hostname != null) {
            a.put(Keys.ROUTE_HOSTNAME, hostname);
        }
        return a;
    }

    /** Edits the Gateway as another of its writers would: at the version read, again on a conflict. */
    void editGateway(UnaryOperator<List<Listener>> change) {
        for (int i = 0; ; i++) {
            Gateway g = routes.gateway();
            g.getSpec().setListeners(change.apply(new ArrayList<>(g.getSpec().getListeners())));
            try {
                cluster.client.resource(g).update();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || i > 50) {
                    throw e;
                }
            }
        }
    }

    static Listener platform(String name) {
        return new ListenerBuilder()
                .withName(name)
                .withPort(8443)
                .withProtocol("HTTPS")
                .withHostname(name + ".platform.test")
                .build();
    }

    double refusals(String reason) {
        var c = registry.find(RouteMetrics.REFUSALS).tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void twoTenantsClaimingOneHostnameTheFirstKeepsItUntouchedAndTheSecondIsRefusedUntilTheFirstLetsGo()
            throws Exception {
        String a = cluster.readyProject("gwh", "alpha", "10.41.0.0/24");
        String b = cluster.readyProject("gwh", "beta", "10.42.0.0/24");
        expose(a, "shop", https("shop.example.com"));
        routes.awaitPublished(a, "shop");
        cluster.awaitQuiet();
        Gateway gatewayBefore = routes.gateway();
        HTTPRoute routeBefore = cluster.client
                .resources(HTTPRoute.class)
                .inNamespace(a)
                .withName("shop-route")
                .get();
        double before = refusals(RouteReasons.HOSTNAME_CONFLICT);

        Thread.sleep(1100); // a later creation second: the claim is younger
        expose(b, "store", https("shop.example.com"));
        routes.awaitReason(b, "store", RouteReasons.HOSTNAME_CONFLICT);
        cluster.awaitQuiet();
        assertEquals(
                1, routes.warnings(b, "store", RouteReasons.HOSTNAME_CONFLICT).size());
        assertFalse(
                routes.warnings(b, "store", RouteReasons.HOSTNAME_CONFLICT)
                        .get(0)
                        .getMessage()
                        .contains(a),
                "another tenant's namespace is not disclosed");
        assertEquals(before + 1, refusals(RouteReasons.HOSTNAME_CONFLICT));
        assertNull(routes.published(b, "store"));
        assertNull(
                cluster.client
                        .resources(Backend.class)
                        .inNamespace(b)
                        .withName("store-backend")
                        .get(),
                "nothing made for the refused claim");
        assertEquals(
                gatewayBefore.getMetadata().getResourceVersion(),
                routes.gateway().getMetadata().getResourceVersion(),
                "Gateway untouched");
        assertEquals(
                routeBefore.getMetadata().getResourceVersion(),
                cluster.client
                        .resources(HTTPRoute.class)
                        .inNamespace(a)
                        .withName("shop-route")
                        .get()
                        .getMetadata()
                        .getResourceVersion());
        assertEquals("shop.example.com", routes.published(a, "shop"));

        cluster.client.resource(routes.get(a, "shop")).delete();
        assertEquals(
                "shop.example.com",
                routes.awaitPublished(b, "store"),
                "the hostname passes to the next claim once free");
        assertTrue(routes.listenerNames().contains("https-store-" + b));
        assertFalse(routes.listenerNames().contains("https-shop-" + a));
    }

    @Test
    void anotherNamespacesGeneratedHostnameIsRefusedBeforeThatServiceExistsAndThenItsServiceGetsIt() {
        String a = cluster.readyProject("gwr", "squat", "10.46.0.0/24");
        String b = cluster.readyProject("gwr", "owner", "10.47.0.0/24");
        String host = "web-" + b + "." + TestCluster.BASE_DOMAIN;
        double before = refusals(RouteReasons.HOSTNAME_RESERVED);
        expose(a, "grab", https(host));
        routes.awaitReason(a, "grab", RouteReasons.HOSTNAME_RESERVED);
        cluster.awaitQuiet();
        assertEquals(
                1, routes.warnings(a, "grab", RouteReasons.HOSTNAME_RESERVED).size());
        assertEquals(before + 1, refusals(RouteReasons.HOSTNAME_RESERVED));
        assertNull(routes.published(a, "grab"));
        assertNull(
                cluster.client
                        .resources(Backend.class)
                        .inNamespace(a)
                        .withName("grab-backend")
                        .get(),
                "nothing made");
        assertNull(cluster.client
                .resources(HTTPRoute.class)
                .inNamespace(a)
                .withName("grab-route")
                .get());
        assertNull(cluster.client
                .resources(Certificate.class)
                .inNamespace(a)
                .withName("grab-tls")
                .get());
        assertNull(cluster.client
                .resources(ReferenceGrant.class)
                .inNamespace(a)
                .withName("allow-gateway-cert-grab")
                .get());
        assertFalse(routes.listenerNames().contains("https-grab-" + a));
        assertFalse(routes.gateway().getSpec().getListeners().stream().anyMatch(l -> host.equals(l.getHostname())));

        expose(b, "web", Routes.route("https"));
        assertEquals(host, routes.awaitPublished(b, "web"), "the namespace the name is generated for gets it");
        assertTrue(routes.listenerNames().contains("https-web-" + b));
        assertEquals(RouteReasons.HOSTNAME_RESERVED, routes.reason(a, "grab"));
        assertEquals(
                1, routes.warnings(a, "grab", RouteReasons.HOSTNAME_RESERVED).size(), "no second Warning");
    }

    @Test
    void aFullGatewayRefusesTheNextListenerChangesNothingAndLetsItInWhenOneIsFreed() {
        String ns = cluster.readyProject("gwl", "one", "10.43.0.0/24");
        int free = 64 - routes.listenerNames().size();
        List<String> fillers =
                IntStream.range(0, free).mapToObj(i -> "platform-" + i).toList();
        editGateway(l -> {
            fillers.forEach(n -> l.add(platform(n)));
            return l;
        });
        try {
            assertEquals(64, routes.listenerNames().size());
            String rv = routes.gateway().getMetadata().getResourceVersion();
            double before = refusals(RouteReasons.LISTENER_LIMIT_REACHED);
            expose(ns, "late", https(null));
            routes.awaitReason(ns, "late", RouteReasons.LISTENER_LIMIT_REACHED);
            cluster.awaitQuiet();
            assertEquals(rv, routes.gateway().getMetadata().getResourceVersion(), "no listener added, none dropped");
            assertEquals(
                    1,
                    routes.warnings(ns, "late", RouteReasons.LISTENER_LIMIT_REACHED)
                            .size());
            assertEquals(before + 1, refusals(RouteReasons.LISTENER_LIMIT_REACHED));
            assertEquals(
                    64.0,
                    registry.find(RouteMetrics.LISTENERS)
                            .tag("state", "used")
                            .gauge()
                            .value());
            assertNull(routes.published(ns, "late"));

            editGateway(l -> {
                l.removeIf(x -> x.getName().equals("platform-0"));
                return l;
            });
            routes.awaitPublished(ns, "late");
            assertTrue(
                    routes.listenerNames().containsAll(fillers.subList(1, fillers.size())),
                    "other listeners untouched");
            assertEquals(64, routes.listenerNames().size());
        } finally {
            cluster.client.resource(routes.get(ns, "late")).delete();
            editGateway(l -> {
                l.removeIf(x -> x.getName().startsWith("platform-"));
                return l;
            });
        }
    }

    @Test
    void servicesAddingListenersAtOnceWhileThePlatformEditsTheGatewayLoseNoListener() {
        String ns = cluster.readyProject("gwc", "many", "10.44.0.0/24");
        List<String> names = IntStream.range(0, 8).mapToObj(i -> "svc" + i).toList();
        CompletableFuture<?> platform = CompletableFuture.runAsync(() -> IntStream.range(0, 5)
                .forEach(i -> editGateway(l -> {
                    l.add(platform("busy-" + i));
                    return l;
                })));
        names.parallelStream().forEach(n -> expose(ns, n, https(null)));
        platform.join();
        names.forEach(n -> routes.awaitPublished(ns, n));
        List<String> listeners = routes.listenerNames();
        names.forEach(
                n -> assertTrue(listeners.contains("https-" + n + "-" + ns), n + " lost its listener: " + listeners));
        IntStream.range(0, 5)
                .forEach(i -> assertTrue(listeners.contains("busy-" + i), "platform listener busy-" + i + " lost"));
        assertEquals(listeners.size(), listeners.stream().distinct().count(), "no listener twice");

        names.forEach(n -> cluster.client.resource(routes.get(ns, n)).delete());
        await().atMost(Routes.WAIT).until(() -> routes.listenerNames().stream().noneMatch(l -> l.endsWith("-" + ns)));
        editGateway(l -> {
            l.removeIf(x -> x.getName().startsWith("busy-"));
            return l;
        });
    }

    /** One bad input: its annotations (and type), the reason it must get. */
    record Bad(String service, Map<String, String> annotations, String type, String reason) {}

    @Test
    void badInputGetsAReasonAndOneWarningAndNothingIsMade() {
        String ns = cluster.readyProject("gwb", "bad", "10.45.0.0/24");
        // an Opaque Secret: the API server itself refuses a kubernetes.io/tls Secret without tls.key
        cluster.client.resource(Routes.opaqueSecret(ns, "half-cert", "tls.crt")).create();
        // a complete Secret in another tenant's namespace: not the Service's to use
        cluster.projectNamespace("gwb-neighbour");
        cluster.client
                .resource(Routes.tlsSecret("gwb-neighbour", "their-cert", "tls.crt", "tls.key"))
                .createOr(x -> x.update());
        List<Bad> table = List.of(
                new Bad("ftp", Routes.route("ftp"), "LoadBalancer", RouteReasons.INVALID_ROUTE_TYPE),
                new Bad(
                        "noport",
                        Map.of(Keys.EXPOSE_ROUTE, "http", Keys.ROUTE_PORT, "9999"),
                        "LoadBalancer",
                        RouteReasons.INVALID_ROUTE_PORT),
                new Bad(
                        "halfsecret",
                        Map.of(
                                Keys.EXPOSE_ROUTE,
                                "https",
                                Keys.TLS_SECRET,
                                "half-cert",
                                Keys.ROUTE_HOSTNAME,
                                "b.example.com"),
                        "LoadBalancer",
                        RouteReasons.TLS_SECRET_INVALID),
                new Bad(
                        "theirsecret",
                        Map.of(
                                Keys.EXPOSE_ROUTE,
                                "https",
                                Keys.TLS_SECRET,
                                "gwb-neighbour/their-cert",
                                Keys.ROUTE_HOSTNAME,
                                "d.example.com"),
                        "LoadBalancer",
                        RouteReasons.TLS_SECRET_NOT_FOUND),
                new Bad(
                        "nohost",
                        Map.of(Keys.EXPOSE_ROUTE, "https", Keys.TLS_SECRET, "half-cert"),
                        "LoadBalancer",
                        RouteReasons.TLS_SECRET_NEEDS_HOSTNAME),
                new Bad("x".repeat(58), Routes.route("http"), "LoadBalancer", RouteReasons.INVALID_HOSTNAME),
                new Bad("internal", Routes.route("http"), "ClusterIP", RouteReasons.NOT_LOAD_BALANCER),
                new Bad(
                        "console",
                        https("console." + TestCluster.BASE_DOMAIN),
                        "LoadBalancer",
                        RouteReasons.HOSTNAME_CONFLICT));
        for (Bad b : table) {
            Service s = Services.loadBalancer(ns, b.service(), b.annotations(), "http:80>8080");
            s.getSpec().setType(b.type());
            cluster.client.resource(s).create();
        }
        for (Bad b : table) {
            routes.awaitReason(ns, b.service(), b.reason());
        }
        cluster.awaitQuiet();
        for (Bad b : table) {
            assertEquals(
                    1,
                    routes.warnings(ns, b.service(), b.reason()).size(),
                    b.service() + ": one Warning " + b.reason());
            assertNull(
                    cluster.client
                            .resources(Backend.class)
                            .inNamespace(ns)
                            .withName(b.service() + "-backend")
                            .get(),
                    b.service());
            assertNull(
                    cluster.client
                            .resources(HTTPRoute.class)
                            .inNamespace(ns)
                            .withName(b.service() + "-route")
                            .get(),
                    b.service());
            assertNull(routes.published(ns, b.service()), b.service());
            assertFalse(
                    routes.listenerNames().stream().anyMatch(l -> l.endsWith("-" + b.service() + "-" + ns)),
                    b.service());
        }
        // a refused route leaves the load balancer alone: even the 58-character name's auto EIp gets its address
        // (its OvnEip's labels must be valid: a real API server refuses a value over 63 characters)
        assertFalse(
                ServiceAddresses.ips(routes.get(ns, "x".repeat(58)).getStatus()).isEmpty(),
                "the long-named Service is programmed");
        // fixing the Secret is picked up without any change to the Service
        cluster.client
                .resource(Routes.opaqueSecret(ns, "half-cert", "tls.crt", "tls.key"))
                .update();
        await().atMost(Routes.WAIT).until(() -> RouteReasons.ROUTE_USABLE.equals(routes.reason(ns, "halfsecret")));
        assertTrue(SeedGateway.NAME.equals(routes.gateway().getMetadata().getName()));
    }

    @Test
    void aListenerOrRouteRemovedBehindOurBackComesBackAndOtherListenersStay() {
        String ns = cluster.readyProject("gwd", "drift", "10.47.0.0/24");
        expose(ns, "keep", https(null));
        routes.awaitPublished(ns, "keep");
        String listener = "https-keep-" + ns;
        editGateway(l -> {
            l.removeIf(x -> x.getName().equals(listener));
            l.add(platform("added-meanwhile"));
            return l;
        });
        await().atMost(Routes.WAIT).until(() -> routes.listenerNames().contains(listener));
        assertTrue(routes.listenerNames().contains("added-meanwhile"));
        cluster.client
                .resources(HTTPRoute.class)
                .inNamespace(ns)
                .withName("keep-route")
                .delete();
        await().atMost(Routes.WAIT)
                .until(() -> cluster.client
                                .resources(HTTPRoute.class)
                                .inNamespace(ns)
                                .withName("keep-route")
                                .get()
                        != null);
        routes.awaitPublished(ns, "keep");
        editGateway(l -> {
            l.removeIf(x -> x.getName().equals("added-meanwhile"));
            return l;
        });
    }
}
