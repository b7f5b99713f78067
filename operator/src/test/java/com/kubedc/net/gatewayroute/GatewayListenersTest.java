package com.kubedc.net.gatewayroute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayListenersTest {
    static Listener l(String name, String host) {
        return new ListenerBuilder()
                .withName(name)
                .withHostname(host)
                .withPort(443)
                .withProtocol("HTTPS")
                .build();
    }

    static List<String> names(GatewayListeners.Edit e) {
        return ((GatewayListeners.Replace) e)
                .listeners().stream().map(Listener::getName).toList();
    }

    @Test
    void oursIsAddedReplacedInPlaceOrRemovedAndOthersStayInOrder() {
        List<Listener> platform = List.of(
                l("http", null),
                l("https-console", "console.kube-dc.cloud"),
                l("tls-passthrough-wildcard", "*.kube-dc.cloud"));
        var added =
                GatewayListeners.edit(platform, "https-web-ns", Optional.of(l("https-web-ns", "web-ns.kube-dc.cloud")));
        assertEquals(List.of("http", "https-console", "tls-passthrough-wildcard", "https-web-ns"), names(added));

        List<Listener> withOurs = ((GatewayListeners.Replace) added).listeners();
        assertInstanceOf(
                GatewayListeners.Unchanged.class,
                GatewayListeners.edit(withOurs, "https-web-ns", Optional.of(l("https-web-ns", "web-ns.kube-dc.cloud"))),
                "no write when equal");

        Listener defaulted = l("https-web-ns", "web-ns.kube-dc.cloud");
        defaulted.setAllowedRoutes(new io.fabric8.kubernetes.api.model.gatewayapi.v1.AllowedRoutesBuilder()
                .withNewNamespaces()
                .withFrom("Same")
                .endNamespaces()
                .build());
        List<Listener> served = List.of(platform.get(0), platform.get(1), platform.get(2), defaulted);
        assertInstanceOf(
                GatewayListeners.Unchanged.class,
                GatewayListeners.edit(served, "https-web-ns", Optional.of(l("https-web-ns", "web-ns.kube-dc.cloud"))),
                "fields the API server defaulted are not a difference");

        var moved = GatewayListeners.edit(withOurs, "https-web-ns", Optional.of(l("https-web-ns", "shop.example.com")));
        assertEquals(
                "shop.example.com",
                ((GatewayListeners.Replace) moved).listeners().get(3).getHostname());
        assertEquals(platform, ((GatewayListeners.Replace) moved).listeners().subList(0, 3), "others untouched");

        assertEquals(
                List.of("http", "https-console", "tls-passthrough-wildcard"),
                names(GatewayListeners.edit(withOurs, "https-web-ns", Optional.empty())));
        assertInstanceOf(
                GatewayListeners.Unchanged.class, GatewayListeners.edit(platform, "https-web-ns", Optional.empty()));
    }

    @Test
    void aFullGatewayRefusesANewListenerAndStillLetsAnExistingOneChange() {
        List<Listener> full = new ArrayList<>();
        for (int i = 0; i < ListenerBudget.MAX_LISTENERS; i++) {
            full.add(l("l" + i, "h" + i + ".example.com"));
        }
        var refused = assertInstanceOf(
                GatewayListeners.Refused.class,
                GatewayListeners.edit(full, "https-new-ns", Optional.of(l("https-new-ns", "new.example.com"))));
        assertEquals(RouteReasons.LISTENER_LIMIT_REACHED, refused.reason());
        assertInstanceOf(
                GatewayListeners.Replace.class,
                GatewayListeners.edit(full, "l5", Optional.of(l("l5", "other.example.com"))));
        assertEquals(
                ListenerBudget.MAX_LISTENERS - 1,
                ((GatewayListeners.Replace) GatewayListeners.edit(full, "l5", Optional.empty()))
                        .listeners()
                        .size());
    }
}
