package com.kubedc.net.gatewayroute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRoute;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteDesiredTest {
    static final GatewayRef GW = new GatewayRef("eg", "envoy-gateway-system", "http", "tls-passthrough-wildcard");

    static Service svc(Map<String, String> annotations) {
        Service s = RouteRequestTest.svc("web", "acme-prod", annotations, "http:8080>80");
        s.getMetadata().setUid("uid-1");
        return s;
    }

    static RouteRequest request(Service s) {
        return RouteRequest.parse(s, Optional.of("kube-dc.cloud"), Optional.empty())
                .request();
    }

    @Test
    void httpsGetsBackendCertificateGrantOwnListenerAndAnHttpRouteOnIt() {
        Service s = svc(Map.of(Keys.EXPOSE_ROUTE, "https"));
        RouteRequest r = request(s);
        var backend = RouteDesired.backend(s, r.port().getPort(), "100.65.0.7");
        assertEquals("web-backend", backend.getMetadata().getName());
        assertEquals("100.65.0.7", backend.getSpec().endpoints().get(0).ip().address());
        assertEquals(8080, backend.getSpec().endpoints().get(0).ip().port());
        assertEquals("uid-1", backend.getMetadata().getOwnerReferences().get(0).getUid());

        var cert = RouteDesired.certificate(s, r);
        assertEquals("web-tls", cert.getMetadata().getName());
        assertEquals("web-tls-secret", cert.getSpec().secretName());
        assertEquals(List.of("web-acme-prod.kube-dc.cloud"), cert.getSpec().dnsNames());
        assertEquals("letsencrypt", cert.getSpec().issuerRef().name());
        assertEquals("Issuer", cert.getSpec().issuerRef().kind());

        var grant = RouteDesired.referenceGrant(s, r, GW);
        assertEquals("allow-gateway-cert-web", grant.getMetadata().getName());
        assertEquals("envoy-gateway-system", grant.getSpec().getFrom().get(0).getNamespace());
        assertEquals("Gateway", grant.getSpec().getFrom().get(0).getKind());
        assertEquals("web-tls-secret", grant.getSpec().getTo().get(0).getName(), "that Secret only");

        Listener l = RouteDesired.listener(s, r);
        assertEquals("https-web-acme-prod", l.getName());
        assertEquals("web-acme-prod.kube-dc.cloud", l.getHostname());
        assertEquals(443, l.getPort());
        assertEquals("HTTPS", l.getProtocol());
        assertEquals("Terminate", l.getTls().getMode());
        assertEquals("acme-prod", l.getTls().getCertificateRefs().get(0).getNamespace());
        assertEquals("Selector", l.getAllowedRoutes().getNamespaces().getFrom());
        assertEquals(
                Map.of("kubernetes.io/metadata.name", "acme-prod"),
                l.getAllowedRoutes().getNamespaces().getSelector().getMatchLabels());
        assertEquals("HTTPRoute", l.getAllowedRoutes().getKinds().get(0).getKind());

        HTTPRoute route = assertInstanceOf(HTTPRoute.class, RouteDesired.route(s, r, GW));
        assertEquals("web-route", route.getMetadata().getName());
        assertEquals(
                "https-web-acme-prod", route.getSpec().getParentRefs().get(0).getSectionName());
        assertEquals("eg", route.getSpec().getParentRefs().get(0).getName());
        var ref = route.getSpec().getRules().get(0).getBackendRefs().get(0);
        assertEquals(
                List.of("gateway.envoyproxy.io", "Backend", "web-backend"),
                List.of(ref.getGroup(), ref.getKind(), ref.getName()));
    }

    @Test
    void plainHttpAndBaseDomainPassthroughUseTheSharedListenersAndGrpcItsOwn() {
        HTTPRoute http = (HTTPRoute) RouteDesired.route(
                svc(Map.of(Keys.EXPOSE_ROUTE, "http")), request(svc(Map.of(Keys.EXPOSE_ROUTE, "http"))), GW);
        assertEquals("http", http.getSpec().getParentRefs().get(0).getSectionName());

        Service pass = svc(Map.of(Keys.EXPOSE_ROUTE, "tls-passthrough"));
        TLSRoute tls = assertInstanceOf(TLSRoute.class, RouteDesired.route(pass, request(pass), GW));
        assertEquals(
                "tls-passthrough-wildcard", tls.getSpec().getParentRefs().get(0).getSectionName());

        Service custom = svc(Map.of(Keys.EXPOSE_ROUTE, "tls-passthrough", Keys.ROUTE_HOSTNAME, "db.example.com"));
        Listener l = RouteDesired.listener(custom, request(custom));
        assertEquals("TLS", l.getProtocol());
        assertEquals("Passthrough", l.getTls().getMode());
        assertNull(
                l.getTls().getCertificateRefs() == null
                                || l.getTls().getCertificateRefs().isEmpty()
                        ? null
                        : "certificate refs");
        assertEquals("TLSRoute", l.getAllowedRoutes().getKinds().get(0).getKind());

        Service grpc = svc(Map.of(Keys.EXPOSE_ROUTE, "grpc"));
        GRPCRoute g = assertInstanceOf(GRPCRoute.class, RouteDesired.route(grpc, request(grpc), GW));
        assertEquals("https-web-acme-prod", g.getSpec().getParentRefs().get(0).getSectionName());
        assertEquals(
                "GRPCRoute",
                RouteDesired.listener(grpc, request(grpc))
                        .getAllowedRoutes()
                        .getKinds()
                        .get(0)
                        .getKind());
    }

    @Test
    void anOwnCertificateIsReferencedAndNoCertificateIsMade() {
        Service s = svc(Map.of(
                Keys.EXPOSE_ROUTE, "https", Keys.ROUTE_HOSTNAME, "shop.example.com", Keys.TLS_SECRET, "shop-cert"));
        RouteRequest r = request(s);
        assertNull(r.issuer());
        assertEquals(
                "shop-cert",
                RouteDesired.listener(s, r).getTls().getCertificateRefs().get(0).getName());
        assertEquals(
                "shop-cert",
                RouteDesired.referenceGrant(s, r, GW).getSpec().getTo().get(0).getName());
    }
}
