package com.kubedc.net.gatewayroute;

import com.kubedc.net.thirdparty.certmanager.Certificate;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1alpha2.TLSRoute;
import java.util.List;

/**
 * When a route is usable, so that {@code route-hostname-status} may be written (spec §8.4): the
 * Gateway accepted the route (a parent status with {@code Accepted=True} for our Gateway), and for
 * TLS-terminating types our Certificate is Ready (or the user brought the Secret). Pure.
 */
public final class RouteReadiness {
    private RouteReadiness() {
    }

    /** Why the route is not usable yet, or null when it is. */
    public static String notUsable(RouteRequest r, HasMetadata route, Certificate certificate, GatewayRef gw) {
        if (route == null) {
            return "route not created yet";
        }
        if (!accepted(parents(route), gw, route.getMetadata().getGeneration())) {
            return "route not accepted by Gateway " + gw.namespace() + "/" + gw.name() + " yet";
        }
        if (r.type().terminatesTls() && r.tlsSecret() == null && !ready(certificate)) {
            return "certificate for " + r.hostname() + " not issued yet";
        }
        return null;
    }

    static List<RouteParentStatus> parents(HasMetadata route) {
        if (route instanceof HTTPRoute h && h.getStatus() != null) {
            return h.getStatus().getParents();
        }
        if (route instanceof TLSRoute t && t.getStatus() != null) {
            return t.getStatus().getParents();
        }
        if (route instanceof GRPCRoute g && g.getStatus() != null) {
            return g.getStatus().getParents();
        }
        return List.of();
    }

    /**
     * Accepted by our Gateway, for the route as it is now: a condition observed at an older
     * generation speaks of the route before our last change (e.g. another hostname).
     */
    static boolean accepted(List<RouteParentStatus> parents, GatewayRef gw, Long generation) {
        return parents != null && parents.stream().anyMatch(p -> p.getParentRef() != null && gw.name().equals(p.getParentRef().getName())
                && (p.getParentRef().getNamespace() == null || gw.namespace().equals(p.getParentRef().getNamespace()))
                && p.getConditions() != null && p.getConditions().stream().anyMatch(c -> "Accepted".equals(c.getType())
                        && "True".equals(c.getStatus()) && (generation == null || c.getObservedGeneration() == null
                                || c.getObservedGeneration() >= generation)));
    }

    static boolean ready(Certificate c) {
        return c != null && c.getStatus() != null && isTrue(c.getStatus().conditions(), "Ready");
    }

    static boolean isTrue(List<Condition> conditions, String type) {
        return conditions != null && conditions.stream().anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
