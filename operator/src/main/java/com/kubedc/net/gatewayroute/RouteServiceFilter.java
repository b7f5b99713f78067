package com.kubedc.net.gatewayroute;

import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.RouteIntent;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.processing.event.source.filter.GenericFilter;

/**
 * The Services the gateway-route controller sees: those asking for a route or a gateway backend,
 * and those still holding its finalizer or condition (so that removing the annotation is undone).
 * Every other Service never reaches it and never gets its finalizer.
 */
public class RouteServiceFilter implements GenericFilter<Service> {

    @Override
    public boolean accept(Service s) {
        return concerned(s);
    }

    /**
     * Asking for a route or a backend (the namespace is looked at next), or still holding our
     * finalizer (e.g. from an older version) or our condition (e.g. {@code RoutesDisabled}, which
     * needs no finalizer), so that it is cleared when the annotation goes.
     */
    static boolean concerned(Service s) {
        return RouteIntent.of(s) != RouteIntent.NONE
                || s.getMetadata().getFinalizers() != null
                        && s.getMetadata().getFinalizers().contains(Keys.ROUTE_FINALIZER)
                || s.getStatus() != null
                        && Conditions.find(s.getStatus().getConditions(), RouteReasons.ROUTE_READY)
                                .isPresent();
    }
}
