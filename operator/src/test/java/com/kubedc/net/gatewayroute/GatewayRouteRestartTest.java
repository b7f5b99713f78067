package com.kubedc.net.gatewayroute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kubedc.net.support.FreshOperators;
import com.kubedc.net.support.NbTestResource;
import com.kubedc.net.support.Routes;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.vocabulary.Keys;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Converged routes of every kind, one of them refused for its hostname: a reconcile of each
 * writes nothing, and neither do three controller restarts; the restarted controller still hands
 * the hostname on when its owner goes.
 */
@Tag("server")
@QuarkusTest
@QuarkusTestResource(value = NbTestResource.class, restrictToAnnotatedClass = true)
class GatewayRouteRestartTest {
    static final List<String> SERVICES = List.of("plain", "secure", "passthru", "api", "second");

    @Inject
    FreshOperators operators;

    @AfterEach
    void stopRestartedControllers() {
        operators.stopAll();
    }

    @Test
    void convergedRoutesAreReconciledAndRestartedWithoutAWrite() throws Exception {
        TestCluster cluster = TestCluster.get();
        Routes routes = new Routes(cluster);
        String ns = cluster.readyProject("gwz", "zero", "10.46.0.0/24");
        expose(cluster, ns, "plain", Map.of(Keys.EXPOSE_ROUTE, "http"));
        expose(cluster, ns, "secure", Map.of(Keys.EXPOSE_ROUTE, "https", Keys.ROUTE_HOSTNAME, "secure.example.com"));
        expose(
                cluster,
                ns,
                "passthru",
                Map.of(Keys.EXPOSE_ROUTE, "tls-passthrough", Keys.ROUTE_HOSTNAME, "k.example.com"));
        expose(cluster, ns, "api", Map.of(Keys.EXPOSE_ROUTE, "grpc"));
        for (String s : List.of("plain", "secure", "passthru", "api")) {
            routes.awaitPublished(ns, s);
        }
        Thread.sleep(1100);
        expose(cluster, ns, "second", Map.of(Keys.EXPOSE_ROUTE, "https", Keys.ROUTE_HOSTNAME, "secure.example.com"));
        routes.awaitReason(ns, "second", RouteReasons.HOSTNAME_CONFLICT);
        cluster.awaitQuiet();
        Map<String, String> before = state(routes, ns);

        // a change that is not ours to act on: both Service controllers reconcile every Service
        for (String s : SERVICES) {
            routes.setAnnotation(ns, s, "example.com/touched", "yes");
        }
        Thread.sleep(2000);
        assertEquals(List.of(), cluster.recorder.controllerWrites(), "a converged reconcile wrote");

        Operator current = operators.restartWithoutWrites(cluster, 3, java.time.Duration.ofSeconds(2), i -> {});
        assertEquals(before, state(routes, ns));

        cluster.client.resource(routes.get(ns, "secure")).delete();
        assertEquals(
                "secure.example.com",
                routes.awaitPublished(ns, "second"),
                "the restarted controller hands the hostname on");
        current.stop();
    }

    static void expose(TestCluster cluster, String ns, String name, Map<String, String> annotations) {
        cluster.client
                .resource(Services.loadBalancer(ns, name, new HashMap<>(annotations), "http:80>8080"))
                .create();
    }

    /** Each Service's reason and published hostname, and the Gateway's listeners. */
    static Map<String, String> state(Routes routes, String ns) {
        Map<String, String> out = new TreeMap<>();
        for (String s : SERVICES) {
            out.put(s, routes.reason(ns, s) + " " + routes.published(ns, s));
        }
        out.put("listeners", String.valueOf(routes.listenerNames()));
        return out;
    }
}
