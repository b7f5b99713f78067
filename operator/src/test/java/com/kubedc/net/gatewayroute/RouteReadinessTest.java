package com.kubedc.net.gatewayroute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.thirdparty.certmanager.Certificate;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatusBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteReadinessTest {
    static final GatewayRef GW = RouteDesiredTest.GW;

    static HTTPRoute accepted(HTTPRoute r, String gatewayName, String status) {
        r.setStatus(new HTTPRouteStatusBuilder()
                .withParents(new RouteParentStatusBuilder()
                        .withControllerName("gateway.envoyproxy.io/gatewayclass-controller")
                        .withNewParentRef()
                        .withName(gatewayName)
                        .withNamespace(GW.namespace())
                        .endParentRef()
                        .withConditions(new ConditionBuilder()
                                .withType("Accepted")
                                .withStatus(status)
                                .withReason("Accepted")
                                .build())
                        .build())
                .build());
        return r;
    }

    static Certificate certificate(String ready) {
        Certificate c = new Certificate();
        c.setStatus(new Certificate.Status(List.of(
                new ConditionBuilder().withType("Ready").withStatus(ready).build())));
        return c;
    }

    @Test
    void httpsIsUsableOnlyWhenTheRouteIsAcceptedAndTheCertificateReady() {
        Service s = RouteDesiredTest.svc(Map.of(Keys.EXPOSE_ROUTE, "https"));
        RouteRequest r = RouteDesiredTest.request(s);
        HTTPRoute route = (HTTPRoute) RouteDesired.route(s, r, GW);
        assertTrue(RouteReadiness.notUsable(r, null, null, GW).contains("not created"));
        assertTrue(RouteReadiness.notUsable(r, route, certificate("True"), GW).contains("not accepted"));
        assertTrue(
                RouteReadiness.notUsable(r, accepted(route, "other-gateway", "True"), certificate("True"), GW)
                        .contains("not accepted"),
                "accepted by another Gateway does not count");
        assertTrue(RouteReadiness.notUsable(r, accepted(route, "eg", "False"), certificate("True"), GW)
                .contains("not accepted"));
        assertTrue(RouteReadiness.notUsable(r, accepted(route, "eg", "True"), certificate("False"), GW)
                .contains("certificate"));
        assertNull(RouteReadiness.notUsable(r, accepted(route, "eg", "True"), certificate("True"), GW));

        route.getMetadata().setGeneration(3L);
        route.getStatus().getParents().get(0).getConditions().get(0).setObservedGeneration(2L);
        assertTrue(
                RouteReadiness.notUsable(r, route, certificate("True"), GW).contains("not accepted"),
                "accepted at generation 2 says nothing of generation 3");
        route.getStatus().getParents().get(0).getConditions().get(0).setObservedGeneration(3L);
        assertNull(RouteReadiness.notUsable(r, route, certificate("True"), GW));
    }

    @Test
    void plainHttpAndAnOwnSecretNeedNoCertificate() {
        Service http = RouteDesiredTest.svc(Map.of(Keys.EXPOSE_ROUTE, "http"));
        RouteRequest r = RouteDesiredTest.request(http);
        assertNull(RouteReadiness.notUsable(
                r, accepted((HTTPRoute) RouteDesired.route(http, r, GW), "eg", "True"), null, GW));
        Service own = RouteDesiredTest.svc(Map.of(
                Keys.EXPOSE_ROUTE, "https", Keys.ROUTE_HOSTNAME, "shop.example.com", Keys.TLS_SECRET, "shop-cert"));
        RouteRequest o = RouteDesiredTest.request(own);
        assertEquals(
                null,
                RouteReadiness.notUsable(
                        o, accepted((HTTPRoute) RouteDesired.route(own, o, GW), "eg", "True"), null, GW));
    }
}
