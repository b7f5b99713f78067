package com.kubedc.net.gatewayroute;

import com.kubedc.net.thirdparty.certmanager.Certificate;
import com.kubedc.net.vocabulary.Conditions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import java.util.List;

/**
 * When a route is usable, so that {@code route-hostname-status} may be written (spec §8.4): the
 * Gateway accepted the route (a parent status with {@code Accepted=True} for our Gateway), and for
 * TLS-terminating types our Certificate is Ready (or the user brought the Secret). Pure.
 */
public final class RouteReadiness {
    private RouteReadiness() {}

    /** Why the route is not usable yet, or null when it is. */
    public static String notUsable(RouteRequest r, HasMetadata route, Certificate certificate, GatewayRef gw) {
        if (route == null) {
            return "route not created yet";
        }
        if (!accepted(RouteKinds.parentStatuses(route), gw, route.getMetadata().getGeneration())) {
            return "route not accepted by Gateway " + gw.namespace() + "/" + gw.name() + " yet";
        }
        if (r.type().terminatesTls() && r.tlsSecret() == null && !ready(certificate)) {
            return "certificate for " + r.hostname() + " not issued yet";
        }
        return null;
    }

    /**
     * Accepted by our Gateway, for the route as it is now: a condition observed at an older
     * generation speaks of the route before our last change (e.g. another hostname).
     */
    static boolean accepted(List<RouteParentStatus> parents, GatewayRef gw, Long generation) {
        return parents != null
                && parents.stream()
                        .anyMatch(p -> p.getParentRef() != null
                                && gw.name().equals(p.getParentRef().getName())
                                && (p.getParentRef().getNamespace() == null
                                        || gw.namespace()
                                                .equals(p.getParentRef().getNamespace()))
                                && p.getConditions() != null
                                && p.getConditions().stream()
                                        .anyMatch(c -> "Accepted".equals(c.getType())
                                                && "True".equals(c.getStatus())
                                                && (generation == null
                                                        || c.getObservedGeneration() == null
                                                        || c.getObservedGeneration() >= generation)));
    }

    /** cert-manager has issued the Certificate ({@code Ready=True}). */
    public static boolean ready(Certificate c) {
        return c != null
                && c.getStatus() != null
                && Conditions.isTrue(c.getStatus().conditions(), Conditions.READY);
    }
}
