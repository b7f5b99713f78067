package com.kubedc.net.gatewayroute;

import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Json;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the route controller writes on its Service: its one condition in {@code status.conditions}
 * (the load-balancer controller's condition and {@code loadBalancer} are left as they are) and
 * the {@code route-hostname-status} annotation. Pure.
 */
final class RouteStatus {
    private RouteStatus() {}

    /** {@code s}'s conditions with ours set from {@code o}, or removed when {@code o} is null. */
    static List<Condition> conditions(Service s, RouteOutcome o, Clock clock) {
        List<Condition> prev = s.getStatus() == null ? null : s.getStatus().getConditions();
        return o == null
                ? Conditions.replace(prev, RouteReasons.ROUTE_READY, null)
                : Conditions.put(
                        prev,
                        s.getMetadata().getGeneration(),
                        clock,
                        RouteReasons.ROUTE_READY,
                        o.ready(),
                        o.reason(),
                        o.message());
    }

    /** True when {@code s} already shows exactly these conditions. */
    static boolean same(Service s, List<Condition> conditions) {
        List<Condition> now = s.getStatus() == null || s.getStatus().getConditions() == null
                ? List.of()
                : s.getStatus().getConditions();
        return Json.tree(now).equals(Json.tree(conditions));
    }

    /** {@code s} with {@code conditions} (for the status patch). */
    static Service withConditions(Service s, List<Condition> conditions) {
        if (s.getStatus() == null) {
            s.setStatus(new ServiceStatus());
        }
        s.getStatus().setConditions(conditions);
        return s;
    }

    /** The hostname {@code s} publishes now, if any. */
    static String publishedHostname(Service s) {
        Map<String, String> a = s.getMetadata().getAnnotations();
        return a == null ? null : a.get(Keys.ROUTE_HOSTNAME_STATUS);
    }

    /** The Service's external address, as the load-balancer controller reports it. */
    static String address(Service s) {
        return s.getStatus() == null
                        || s.getStatus().getLoadBalancer() == null
                        || s.getStatus().getLoadBalancer().getIngress() == null
                ? null
                : s.getStatus().getLoadBalancer().getIngress().stream()
                        .map(i -> i.getIp())
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null);
    }

    static boolean publishes(Service s, String hostname) {
        return Objects.equals(publishedHostname(s), hostname);
    }
}
