package com.kubedc.net.gatewayroute;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.support.NbTestResource;
import com.kubedc.net.support.Routes;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A Service naming a {@code tls-secret} that is not there yet (applied with it, after it) waits
 * without a Warning and nothing is made; the Secret appearing publishes the route, no change to
 * the Service needed.
 */
@Tag("server")
@QuarkusTest
@QuarkusTestResource(value = NbTestResource.class, restrictToAnnotatedClass = true)
class TlsSecretWaitTest {
    @Test
    void aServiceAppliedBeforeItsTlsSecretWaitsWithoutAWarningAndIsPublishedOnceTheSecretExists() {
        TestCluster cluster = TestCluster.get();
        Routes routes = new Routes(cluster);
        String ns = cluster.readyProject("gwtls", "late", "10.48.0.0/24");
        Map<String, String> a = new HashMap<>(Routes.route("https"));
        a.put(Keys.ROUTE_HOSTNAME, "late.example.com");
        a.put(Keys.TLS_SECRET, "late-cert");
        cluster.client
                .resource(Services.loadBalancer(ns, "late", a, "http:80>8080"))
                .create();
        routes.awaitReason(ns, "late", RouteReasons.WAITING_FOR_TLS_SECRET);
        cluster.awaitQuiet();
        assertEquals(
                List.of(),
                cluster.events(ns, "late").stream()
                        .filter(e -> "Warning".equals(e.getType()))
                        .map(e -> e.getReason())
                        .toList());
        assertNull(
                cluster.client
                        .resources(HTTPRoute.class)
                        .inNamespace(ns)
                        .withName("late-route")
                        .get(),
                "nothing made while waiting");
        assertTrue(routes.listenerNames().stream().noneMatch(l -> l.endsWith("-late-" + ns)));

        cluster.client
                .resource(Routes.tlsSecret(ns, "late-cert", "tls.crt", "tls.key"))
                .create();
        await().atMost(Routes.WAIT).until(() -> RouteReasons.ROUTE_USABLE.equals(routes.reason(ns, "late")));
        assertEquals("late.example.com", routes.awaitPublished(ns, "late"));
        assertEquals(
                List.of(),
                cluster.events(ns, "late").stream()
                        .filter(e -> "Warning".equals(e.getType()))
                        .map(e -> e.getReason())
                        .toList());
    }
}
