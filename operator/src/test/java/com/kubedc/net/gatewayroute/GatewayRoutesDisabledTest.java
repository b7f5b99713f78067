package com.kubedc.net.gatewayroute;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.kubedc.net.config.KubeDcConfig;
import com.kubedc.net.support.FreshOperators;
import com.kubedc.net.support.NbTestResource;
import com.kubedc.net.support.Routes;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.thirdparty.envoy.Backend;
import com.kubedc.net.vocabulary.Keys;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** With {@code kube-dc.gateway.enabled=false} (a cluster without the Gateway API kinds) a Service asking for a route is told so, and let go of. */
@Tag("server")
@QuarkusTest
@QuarkusTestResource(value = NbTestResource.class, restrictToAnnotatedClass = true)
class GatewayRoutesDisabledTest {
    @Inject
    Operator operator;

    @Inject
    FreshOperators operators;

    @Inject
    KubeDcConfig config;

    @AfterEach
    void stopRestartedControllers() {
        operators.stopAll();
    }

    @Test
    void aRouteRequestIsAnsweredWithRoutesDisabledAndNothingIsMade() {
        TestCluster cluster = TestCluster.get();
        Routes routes = new Routes(cluster);
        operator.stop();
        operators.start(routesOff(config));
        String ns = "gwoff";
        cluster.projectNamespace(ns);
        cluster.client
                .resource(Services.loadBalancer(ns, "web", Map.of(Keys.EXPOSE_ROUTE, "http"), "http:80>80"))
                .create();
        routes.awaitReason(ns, "web", RouteReasons.ROUTES_DISABLED);
        cluster.awaitQuiet();
        assertEquals(1, routes.warnings(ns, "web", RouteReasons.ROUTES_DISABLED).size());
        assertNull(cluster.client
                .resources(Backend.class)
                .inNamespace(ns)
                .withName("web-backend")
                .get());

        routes.removeAnnotation(ns, "web", Keys.EXPOSE_ROUTE);
        await().atMost(Routes.WAIT)
                .until(() -> routes.reason(ns, "web") == null
                        && (routes.get(ns, "web").getMetadata().getFinalizers() == null
                                || !routes.get(ns, "web")
                                        .getMetadata()
                                        .getFinalizers()
                                        .contains(Keys.ROUTE_FINALIZER)));
    }

    /** The application's configuration with gateway routes switched off. */
    static KubeDcConfig routesOff(KubeDcConfig real) {
        KubeDcConfig.GatewayConfig gw = real.gateway();
        KubeDcConfig.GatewayConfig off = (KubeDcConfig.GatewayConfig) Proxy.newProxyInstance(
                KubeDcConfig.class.getClassLoader(),
                new Class<?>[] {KubeDcConfig.GatewayConfig.class},
                (p, m, a) -> "enabled".equals(m.getName()) ? Boolean.FALSE : call(m, gw, a));
        return (KubeDcConfig) Proxy.newProxyInstance(
                KubeDcConfig.class.getClassLoader(),
                new Class<?>[] {KubeDcConfig.class},
                (p, m, a) -> "gateway".equals(m.getName()) ? off : call(m, real, a));
    }

    private static Object call(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
