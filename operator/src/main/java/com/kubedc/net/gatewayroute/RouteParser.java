package com.kubedc.net.gatewayroute;

import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.RouteIntent;
import io.fabric8.kubernetes.api.model.Service;
import java.util.Optional;

/** Reads Services with the configured base domain and default issuer: what they ask for and claim. Pure. */
record RouteParser(Optional<String> baseDomain, Optional<String> defaultIssuer) {

    RouteRequest.Parsed parse(Service s) {
        return RouteRequest.parse(s, baseDomain, defaultIssuer);
    }

    /** The hostname a Service claims on the Gateway: a valid route request of a LoadBalancer Service that is not being deleted. */
    Optional<String> claimedHostname(Service s) {
        if (RouteIntent.of(s) != RouteIntent.ROUTE
                || s.getMetadata().getDeletionTimestamp() != null
                || s.getSpec() == null
                || !"LoadBalancer".equals(s.getSpec().getType())) {
            return Optional.empty();
        }
        RouteRequest.Parsed p = parse(s);
        return p.request() == null ? Optional.empty() : Optional.of(p.request().hostname());
    }

    /** A Gateway change concerns Services with a listener of their own, and those waiting for the Gateway or for room on it. */
    boolean concernsGateway(Service s) {
        String reason = s.getStatus() == null
                ? null
                : Conditions.reason(s.getStatus().getConditions(), RouteReasons.ROUTE_READY);
        if (RouteReasons.LISTENER_LIMIT_REACHED.equals(reason)
                || RouteReasons.GATEWAY_NOT_FOUND.equals(reason)
                || RouteReasons.HOSTNAME_CONFLICT.equals(reason)) {
            return true;
        }
        RouteRequest.Parsed p = RouteIntent.of(s) == RouteIntent.ROUTE ? parse(s) : null;
        return p != null && p.request() != null && p.request().listener() != null;
    }

    static String annotation(Service s, String key) {
        return s.getMetadata().getAnnotations() == null
                ? null
                : s.getMetadata().getAnnotations().get(key);
    }
}
