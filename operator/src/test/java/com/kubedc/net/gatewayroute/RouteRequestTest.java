package com.kubedc.net.gatewayroute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.support.Services;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.Service;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteRequestTest {
    static final Optional<String> BASE = Optional.of("kube-dc.cloud");

    static Service svc(String name, String ns, Map<String, String> annotations, String... ports) {
        return Services.loadBalancer(ns, name, new HashMap<>(annotations), ports);
    }

    static RouteRequest ok(Service s) {
        RouteRequest.Parsed p = RouteRequest.parse(s, BASE, Optional.empty());
        assertNull(p.problem(), () -> String.valueOf(p.problem()));
        return p.request();
    }

    @Test
    void eachRouteTypeGetsItsHostnameListenerAndTlsSource() {
        RouteRequest http = ok(svc("web", "acme-prod", Map.of(Keys.EXPOSE_ROUTE, "http"), "http:80>8080"));
        assertEquals("web-acme-prod.kube-dc.cloud", http.hostname());
        assertTrue(http.generatedHostname());
        assertNull(http.listener(), "plain HTTP attaches to the shared http listener");
        assertNull(http.issuer());

        RouteRequest https = ok(svc("web", "acme-prod", Map.of(Keys.EXPOSE_ROUTE, "https"), "http:80>8080"));
        assertEquals("https-web-acme-prod", https.listener());
        assertEquals("Issuer/letsencrypt", https.issuer());

        RouteRequest grpc = ok(svc(
                "api", "acme-prod", Map.of(Keys.EXPOSE_ROUTE, "grpc", Keys.TLS_ISSUER, "dns01"), "grpc:50051>50051"));
        assertEquals("https-api-acme-prod", grpc.listener());
        assertEquals("Issuer/dns01", grpc.issuer());

        RouteRequest pass = ok(svc("db", "acme-prod", Map.of(Keys.EXPOSE_ROUTE, "tls-passthrough"), "tls:443>5432"));
        assertNull(pass.listener(), "a base-domain hostname uses the shared wildcard passthrough listener");
        RouteRequest custom = ok(svc(
                "db",
                "acme-prod",
                Map.of(Keys.EXPOSE_ROUTE, "tls-passthrough", Keys.ROUTE_HOSTNAME, "DB.Example.com"),
                "tls:443>5432"));
        assertEquals("db.example.com", custom.hostname());
        assertFalse(custom.generatedHostname());
        assertEquals("tls-db-acme-prod", custom.listener());

        RouteRequest own = ok(svc(
                "shop",
                "acme-prod",
                Map.of(
                        Keys.EXPOSE_ROUTE,
                        "https",
                        Keys.ROUTE_HOSTNAME,
                        "shop.example.com",
                        Keys.TLS_SECRET,
                        "shop-cert"),
                "http:80>80"));
        assertEquals("shop-cert", own.tlsSecret());
        assertNull(own.issuer(), "an own certificate: no Certificate, no issuer");
    }

    @Test
    void theRoutedPortIsRoutePortOrTheFirstAndTheDefaultIssuerComesFromConfiguration() {
        Service s =
                svc("web", "ns", Map.of(Keys.EXPOSE_ROUTE, "https", Keys.ROUTE_PORT, "8443"), "a:80>80", "b:8443>8443");
        RouteRequest r = RouteRequest.parse(s, BASE, Optional.of("ClusterIssuer/company-ca"))
                .request();
        assertEquals(8443, r.port().getPort());
        assertEquals("ClusterIssuer/company-ca", r.issuer());
        assertEquals(
                "Issuer/company-ca",
                RouteRequest.parse(s, BASE, Optional.of("company-ca")).request().issuer(),
                "a bare name is a namespaced Issuer");
        assertEquals(
                80,
                ok(svc("web", "ns", Map.of(Keys.EXPOSE_ROUTE, "http"), "a:80>80", "b:8443>8443"))
                        .port()
                        .getPort());
    }

    record Bad(String why, Map<String, String> annotations, Optional<String> base, String reason) {}

    @Test
    void badInputIsRefusedWithAReason() {
        String longName = "a".repeat(40);
        List<Bad> table = List.of(
                new Bad("unknown type", Map.of(Keys.EXPOSE_ROUTE, "ftp"), BASE, RouteReasons.INVALID_ROUTE_TYPE),
                new Bad(
                        "route-port not a port",
                        Map.of(Keys.EXPOSE_ROUTE, "http", Keys.ROUTE_PORT, "9999"),
                        BASE,
                        RouteReasons.INVALID_ROUTE_PORT),
                new Bad(
                        "tls-secret without hostname",
                        Map.of(Keys.EXPOSE_ROUTE, "https", Keys.TLS_SECRET, "x"),
                        BASE,
                        RouteReasons.TLS_SECRET_NEEDS_HOSTNAME),
                new Bad(
                        "tls-secret on plain http",
                        Map.of(Keys.EXPOSE_ROUTE, "http", Keys.TLS_SECRET, "x", Keys.ROUTE_HOSTNAME, "a.example.com"),
                        BASE,
                        RouteReasons.TLS_SECRET_NOT_APPLICABLE),
                new Bad(
                        "no base domain to generate from",
                        Map.of(Keys.EXPOSE_ROUTE, "http"),
                        Optional.empty(),
                        RouteReasons.NO_BASE_DOMAIN),
                new Bad(
                        "invalid chosen hostname",
                        Map.of(Keys.EXPOSE_ROUTE, "http", Keys.ROUTE_HOSTNAME, "bad_host.com"),
                        BASE,
                        RouteReasons.INVALID_HOSTNAME));
        for (Bad b : table) {
            var p = RouteRequest.parse(svc("web", "ns", b.annotations(), "http:80>80"), b.base(), Optional.empty());
            assertNull(p.request(), b.why());
            assertEquals(b.reason(), p.problem().reason(), b.why());
        }
        // another namespace's generated name, chosen: refused whether or not that namespace or Service exists
        var squat = RouteRequest.parse(
                svc(
                        "grab",
                        "tenant-a",
                        Map.of(Keys.EXPOSE_ROUTE, "https", Keys.ROUTE_HOSTNAME, "web-tenant-b.kube-dc.cloud"),
                        "http:80>80"),
                BASE,
                Optional.empty());
        assertNull(squat.request());
        assertEquals(RouteReasons.HOSTNAME_RESERVED, squat.problem().reason());
        assertTrue(
                squat.problem().message().contains("tenant-b")
                        && squat.problem().message().contains("-tenant-a.kube-dc.cloud"),
                squat.problem().message());
        // its own generated shape, or the other namespace's name outside the base domain, is fine
        assertEquals(
                "site-tenant-a.kube-dc.cloud",
                ok(svc(
                                "grab",
                                "tenant-a",
                                Map.of(Keys.EXPOSE_ROUTE, "https", Keys.ROUTE_HOSTNAME, "site-tenant-a.kube-dc.cloud"),
                                "http:80>80"))
                        .hostname());
        assertEquals(
                "web-tenant-b.example.com",
                ok(svc(
                                "grab",
                                "tenant-a",
                                Map.of(Keys.EXPOSE_ROUTE, "https", Keys.ROUTE_HOSTNAME, "web-tenant-b.example.com"),
                                "http:80>80"))
                        .hostname());
        // <svc>-<ns> longer than a DNS label: a clear error, never a broken listener
        var tooLong = RouteRequest.parse(
                svc(longName, "org-" + "p".repeat(30), Map.of(Keys.EXPOSE_ROUTE, "http"), "http:80>80"),
                BASE,
                Optional.empty());
        assertEquals(RouteReasons.INVALID_HOSTNAME, tooLong.problem().reason());
        assertTrue(tooLong.problem().message().contains("63"), tooLong.problem().message());
    }
}
