package com.kubedc.net.testkit;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRouteStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the Gateway emulator judges a route, as Envoy Gateway would in the parts we rely on: the
 * parent Gateway exists, has the listener named by {@code sectionName}, and that listener admits
 * the route's namespace ({@code All}, {@code Same}, or a {@code kubernetes.io/metadata.name}
 * selector) and kind. Pure but for setting the route's status.
 */
final class GatewayAdmission {
    static final String CONTROLLER = "gateway.envoyproxy.io/gatewayclass-controller";

    private GatewayAdmission() {}

    /** Sets the route's parent statuses; true when they changed (the caller writes them). */
    static boolean judge(HasMetadata route, List<Gateway> gateways) {
        List<ParentReference> parents = listAt(route, "spec", "parentRefs", ParentReference.class);
        List<RouteParentStatus> next = parents.stream()
                .map(p -> {
                    String why = refusal(route, p, gateways);
                    Condition c = GatewayEmulator.condition(
                            "Accepted",
                            why == null ? "True" : "False",
                            why == null ? "Accepted" : why,
                            why == null ? "Route is accepted" : "Route is not accepted: " + why);
                    c.setObservedGeneration(route.getMetadata().getGeneration());
                    return new RouteParentStatusBuilder()
                            .withParentRef(p)
                            .withControllerName(CONTROLLER)
                            .withConditions(c)
                            .build();
                })
                .toList();
        List<RouteParentStatus> now = listAt(route, "status", "parents", RouteParentStatus.class);
        if (now.size() == next.size() && sameVerdicts(now, next)) {
            return false;
        }
        if (route instanceof HTTPRoute h) {
            h.setStatus(new HTTPRouteStatus(next));
        } else if (route instanceof TLSRoute t) {
            t.setStatus(new TLSRouteStatus(next));
        } else if (route instanceof GRPCRoute g) {
            g.setStatus(new GRPCRouteStatus(next));
        }
        return true;
    }

    /** The list at {@code part.field} of any route kind, read from its JSON form as Envoy Gateway reads routes. */
    static <T> List<T> listAt(HasMetadata route, String part, String field, Class<T> type) {
        com.fasterxml.jackson.databind.JsonNode list = io.fabric8.kubernetes.client.utils.Serialization.jsonMapper()
                .valueToTree(route)
                .path(part)
                .path(field);
        List<T> out = new java.util.ArrayList<>();
        list.forEach(n -> out.add(
                io.fabric8.kubernetes.client.utils.Serialization.jsonMapper().convertValue(n, type)));
        return out;
    }

    /** Why the Gateway does not accept the route under {@code p}, or null. */
    static String refusal(HasMetadata route, ParentReference p, List<Gateway> gateways) {
        String ns = p.getNamespace() == null ? route.getMetadata().getNamespace() : p.getNamespace();
        Gateway gw = gateways.stream()
                .filter(g -> g.getMetadata().getName().equals(p.getName())
                        && g.getMetadata().getNamespace().equals(ns))
                .findFirst()
                .orElse(null);
        if (gw == null) {
            return "NoMatchingParent";
        }
        List<Listener> listeners = gw.getSpec() == null || gw.getSpec().getListeners() == null
                ? List.of()
                : gw.getSpec().getListeners();
        Listener l = listeners.stream()
                .filter(x -> p.getSectionName() == null || p.getSectionName().equals(x.getName()))
                .findFirst()
                .orElse(null);
        if (l == null) {
            return "NoMatchingParent";
        }
        return admits(l, gw, route) ? null : "NotAllowedByListeners";
    }

    static boolean admits(Listener l, Gateway gw, HasMetadata route) {
        var allowed = l.getAllowedRoutes();
        String routeNs = route.getMetadata().getNamespace();
        String from = allowed == null
                        || allowed.getNamespaces() == null
                        || allowed.getNamespaces().getFrom() == null
                ? "Same"
                : allowed.getNamespaces().getFrom();
        boolean nsOk = switch (from) {
            case "All" -> true;
            case "Same" -> routeNs.equals(gw.getMetadata().getNamespace());
            case "Selector" -> {
                Map<String, String> labels = allowed.getNamespaces().getSelector() == null
                        ? null
                        : allowed.getNamespaces().getSelector().getMatchLabels();
                yield labels != null && routeNs.equals(labels.get("kubernetes.io/metadata.name"));
            }
            default -> false;
        };
        boolean kindOk = allowed == null
                || allowed.getKinds() == null
                || allowed.getKinds().isEmpty()
                || allowed.getKinds().stream().anyMatch(k -> route.getKind().equals(k.getKind()));
        return nsOk && kindOk;
    }

    private static boolean sameVerdicts(List<RouteParentStatus> a, List<RouteParentStatus> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!Objects.equals(a.get(i).getParentRef(), b.get(i).getParentRef())
                    || !Objects.equals(verdict(a.get(i)), verdict(b.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static String verdict(RouteParentStatus s) {
        return s.getConditions() == null
                ? null
                : s.getConditions().stream()
                        .filter(c -> "Accepted".equals(c.getType()))
                        .map(c -> c.getStatus() + "/" + c.getReason() + "/" + c.getObservedGeneration())
                        .findFirst()
                        .orElse(null);
    }
}
