package com.kubedc.net.gatewayroute;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.support.NbTestResource;
import com.kubedc.net.support.Routes;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.thirdparty.certmanager.Certificate;
import com.kubedc.net.thirdparty.envoy.Backend;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.ServiceAddresses;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each route type of the seed's examples end to end: the mock API server, the emulators, a real OVN NB for the addresses. */
@Tag("server")
@QuarkusTest
@QuarkusTestResource(value = NbTestResource.class, restrictToAnnotatedClass = true)
class GatewayRouteTest {
    static final String BASE = TestCluster.BASE_DOMAIN;

    TestCluster cluster;
    Routes routes;

    @BeforeEach
    void cluster() {
        cluster = TestCluster.get();
        routes = new Routes(cluster);
    }

    @AfterEach
    void emulatorsBackOn() {
        cluster.gateway.issueCertificates(true);
        cluster.gateway.acceptRoutes(true);
    }

    Service expose(String ns, String name, Map<String, String> annotations, String... ports) {
        return cluster.client
                .resource(Services.loadBalancer(
                        ns, name, annotations, ports.length == 0 ? new String[] {"http:80>8080"} : ports))
                .create();
    }

    String address(String ns, String name) {
        await().atMost(Routes.WAIT)
                .until(() ->
                        !ServiceAddresses.ips(routes.get(ns, name).getStatus()).isEmpty());
        return ServiceAddresses.ips(routes.get(ns, name).getStatus()).get(0);
    }

    <T extends io.fabric8.kubernetes.api.model.HasMetadata> T obj(Class<T> kind, String ns, String name) {
        return cluster.client.resources(kind).inNamespace(ns).withName(name).get();
    }

    @Test
    void httpWithAGeneratedHostnameAttachesToThePlatformsHttpListenerThroughABackendOnTheExternalAddress() {
        String ns = cluster.readyProject("gwr", "web", "10.40.0.0/24");
        expose(ns, "shop", Routes.route("http"));
        String host = routes.awaitPublished(ns, "shop");
        assertEquals("shop-" + ns + "." + BASE, host);

        Backend b = obj(Backend.class, ns, "shop-backend");
        assertEquals(address(ns, "shop"), b.getSpec().endpoints().get(0).ip().address());
        assertEquals(80, b.getSpec().endpoints().get(0).ip().port());
        HTTPRoute r = obj(HTTPRoute.class, ns, "shop-route");
        assertEquals(List.of(host), r.getSpec().getHostnames());
        assertEquals("http", r.getSpec().getParentRefs().get(0).getSectionName());
        assertEquals(
                "Backend", r.getSpec().getRules().get(0).getBackendRefs().get(0).getKind());
        assertNull(obj(Certificate.class, ns, "shop-tls"), "plain HTTP needs no certificate");
        assertFalse(
                routes.listenerNames().stream().anyMatch(n -> n.endsWith("shop-" + ns)), "nor a listener of its own");
    }

    @Test
    void httpsGetsACertificateThenItsOwnListenerAndIsPublishedOnlyOnceTheCertificateIsReadyAndTheRouteAccepted() {
        String ns = cluster.readyProject("gwr", "web", "10.40.0.0/24");
        cluster.gateway.issueCertificates(false);
        expose(ns, "secure", Routes.route("https"));
        routes.awaitReason(ns, "secure", RouteReasons.WAITING_FOR_CERTIFICATE);
        Certificate c = obj(Certificate.class, ns, "secure-tls");
        assertEquals("secure-tls-secret", c.getSpec().secretName());
        assertEquals(List.of("secure-" + ns + "." + BASE), c.getSpec().dnsNames());
        assertEquals("Issuer", c.getSpec().issuerRef().kind());
        assertEquals("letsencrypt", c.getSpec().issuerRef().name());
        assertNull(routes.published(ns, "secure"));
        assertFalse(routes.listenerNames().contains("https-secure-" + ns), "no listener before the certificate exists");

        cluster.gateway.acceptRoutes(false);
        cluster.gateway.issueCertificates(true);
        routes.awaitReason(ns, "secure", RouteReasons.WAITING_FOR_ROUTE);
        assertNull(routes.published(ns, "secure"), "certificate ready but route not accepted: not usable yet");
        cluster.gateway.acceptRoutes(true);
        String host = routes.awaitPublished(ns, "secure");

        Listener l = routes.listener("https-secure-" + ns).orElseThrow();
        assertEquals(host, l.getHostname());
        assertEquals("HTTPS", l.getProtocol());
        assertEquals(443, l.getPort());
        assertEquals("secure-tls-secret", l.getTls().getCertificateRefs().get(0).getName());
        assertEquals(ns, l.getTls().getCertificateRefs().get(0).getNamespace());
        assertEquals(
                Map.of("kubernetes.io/metadata.name", ns),
                l.getAllowedRoutes().getNamespaces().getSelector().getMatchLabels());
        assertEquals(
                List.of("HTTPRoute"),
                l.getAllowedRoutes().getKinds().stream().map(k -> k.getKind()).toList());
        ReferenceGrant g = obj(ReferenceGrant.class, ns, "allow-gateway-cert-secure");
        assertEquals("secure-tls-secret", g.getSpec().getTo().get(0).getName());
        assertEquals(
                "https-secure-" + ns,
                obj(HTTPRoute.class, ns, "secure-route")
                        .getSpec()
                        .getParentRefs()
                        .get(0)
                        .getSectionName());
        assertTrue(
                routes.listenerNames().containsAll(List.of("http", "https-console", "tls-passthrough-wildcard")),
                "platform listeners kept");
    }

    @Test
    void httpsWithTheUsersOwnCertificateOnACustomHostnameMakesNoCertificateAndNeverDeletesTheSecret() {
        String ns = cluster.readyProject("gwr", "web", "10.40.0.0/24");
        cluster.client
                .resource(Routes.tlsSecret(ns, "shop-cert", "tls.crt", "tls.key"))
                .create();
        Map<String, String> a = new HashMap<>(Routes.route("https"));
        a.put(Keys.ROUTE_HOSTNAME, "Own.Example.com"); // hostnames are cluster-wide: unique within the suite
        a.put(Keys.TLS_SECRET, "shop-cert");
        expose(ns, "own", a);
        assertEquals("own.example.com", routes.awaitPublished(ns, "own"));
        assertNull(obj(Certificate.class, ns, "own-tls"));
        Listener l = routes.listener("https-own-" + ns).orElseThrow();
        assertEquals("shop-cert", l.getTls().getCertificateRefs().get(0).getName());
        assertEquals(
                "shop-cert",
                obj(ReferenceGrant.class, ns, "allow-gateway-cert-own")
                        .getSpec()
                        .getTo()
                        .get(0)
                        .getName());

        cluster.client.resource(routes.get(ns, "own")).delete();
        await().atMost(Routes.WAIT).until(() -> routes.get(ns, "own") == null);
        assertFalse(routes.listenerNames().contains("https-own-" + ns));
        assertNull(obj(HTTPRoute.class, ns, "own-route"));
        assertNull(obj(ReferenceGrant.class, ns, "allow-gateway-cert-own"));
        assertNull(obj(Backend.class, ns, "own-backend"));
        assertNotNull(obj(io.fabric8.kubernetes.api.model.Secret.class, ns, "shop-cert"), "the user's Secret stays");
    }

    @Test
    void tlsPassthroughUnderTheBaseDomainUsesTheSharedWildcardListenerAndACustomHostnameGetsItsOwn() {
        String ns = cluster.readyProject("gwr", "web", "10.40.0.0/24");
        expose(ns, "kapi", Routes.route("tls-passthrough"), "https:443>6443");
        String host = routes.awaitPublished(ns, "kapi");
        TLSRoute t = obj(TLSRoute.class, ns, "kapi-route");
        assertEquals(List.of(host), t.getSpec().getHostnames());
        assertEquals(
                "tls-passthrough-wildcard", t.getSpec().getParentRefs().get(0).getSectionName());
        assertEquals(
                443,
                obj(Backend.class, ns, "kapi-backend")
                        .getSpec()
                        .endpoints()
                        .get(0)
                        .ip()
                        .port());

        Map<String, String> a = new HashMap<>(Routes.route("tls-passthrough"));
        a.put(Keys.ROUTE_HOSTNAME, "api.customer.example");
        expose(ns, "capi", a, "https:443>6443");
        assertEquals("api.customer.example", routes.awaitPublished(ns, "capi"));
        Listener l = routes.listener("tls-capi-" + ns).orElseThrow();
        assertEquals("TLS", l.getProtocol());
        assertEquals("Passthrough", l.getTls().getMode());
        assertEquals(
                List.of("TLSRoute"),
                l.getAllowedRoutes().getKinds().stream().map(k -> k.getKind()).toList());
        assertNull(obj(Certificate.class, ns, "capi-tls"), "the application terminates TLS");
    }

    @Test
    void grpcGetsAGrpcRouteOnItsOwnTlsTerminatingListener() {
        String ns = cluster.readyProject("gwr", "web", "10.40.0.0/24");
        Map<String, String> a = new HashMap<>(Routes.route("grpc"));
        a.put(Keys.ROUTE_PORT, "50051");
        expose(ns, "api", a, "metrics:9090>9090", "grpc:50051>50051");
        String host = routes.awaitPublished(ns, "api");
        GRPCRoute g = obj(GRPCRoute.class, ns, "api-route");
        assertEquals(List.of(host), g.getSpec().getHostnames());
        assertEquals(
                50051, g.getSpec().getRules().get(0).getBackendRefs().get(0).getPort());
        assertEquals(
                50051,
                obj(Backend.class, ns, "api-backend")
                        .getSpec()
                        .endpoints()
                        .get(0)
                        .ip()
                        .port());
        assertEquals(
                List.of("GRPCRoute"),
                routes.listener("https-api-" + ns).orElseThrow().getAllowedRoutes().getKinds().stream()
                        .map(k -> k.getKind())
                        .toList());
        assertNotNull(obj(Certificate.class, ns, "api-tls"));
    }

    @Test
    void aGatewayBackendAloneIsJustTheBackend() {
        String ns = cluster.readyProject("gwr", "web", "10.40.0.0/24");
        expose(ns, "raw", Map.of(Keys.CREATE_GATEWAY_BACKEND, "true"), "grpc:50051>50051");
        routes.awaitReason(ns, "raw", RouteReasons.BACKEND_READY);
        assertEquals(
                address(ns, "raw"),
                obj(Backend.class, ns, "raw-backend")
                        .getSpec()
                        .endpoints()
                        .get(0)
                        .ip()
                        .address());
        assertNull(obj(HTTPRoute.class, ns, "raw-route"));
        assertNull(routes.published(ns, "raw"), "no route, no hostname");
    }

    @Test
    void
            changingTheTypeFromHttpsToHttpRemovesTheCertificateGrantAndListenerAndRemovingTheAnnotationRemovesEverything() {
        String ns = cluster.readyProject("gwr", "web", "10.40.0.0/24");
        expose(ns, "flip", Routes.route("https"));
        routes.awaitPublished(ns, "flip");
        assertTrue(routes.listenerNames().contains("https-flip-" + ns));

        routes.setAnnotation(ns, "flip", Keys.EXPOSE_ROUTE, "http");
        await().atMost(Routes.WAIT)
                .until(() -> !routes.listenerNames().contains("https-flip-" + ns)
                        && obj(Certificate.class, ns, "flip-tls") == null
                        && obj(ReferenceGrant.class, ns, "allow-gateway-cert-flip") == null
                        && "http"
                                .equals(obj(HTTPRoute.class, ns, "flip-route")
                                        .getSpec()
                                        .getParentRefs()
                                        .get(0)
                                        .getSectionName()));
        routes.awaitReason(ns, "flip", RouteReasons.ROUTE_USABLE);

        routes.removeAnnotation(ns, "flip", Keys.EXPOSE_ROUTE);
        try {
            await().atMost(Routes.WAIT)
                    .until(() -> obj(HTTPRoute.class, ns, "flip-route") == null
                            && obj(Backend.class, ns, "flip-backend") == null
                            && routes.published(ns, "flip") == null
                            && routes.reason(ns, "flip") == null
                            && !routes.get(ns, "flip")
                                    .getMetadata()
                                    .getFinalizers()
                                    .contains(Keys.ROUTE_FINALIZER));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "left: route " + (obj(HTTPRoute.class, ns, "flip-route") != null) + ", backend "
                            + (obj(Backend.class, ns, "flip-backend") != null) + ", service "
                            + io.fabric8.kubernetes.client.utils.Serialization.asYaml(routes.get(ns, "flip")),
                    e);
        }
        assertFalse(
                ServiceAddresses.ips(routes.get(ns, "flip").getStatus()).isEmpty(), "the load balancer itself stays");
    }
}
