package com.kubedc.net.gatewayroute;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import java.util.Collection;
import java.util.Set;

/**
 * Reconciles other Services on request: when a Service lets go of a hostname, the claims it
 * refused must be looked at again, and no change of theirs would say so.
 */
final class RouteKicks extends AbstractEventSource<Void, Service> {
    RouteKicks() {
        super(Void.class, "RouteKicks");
    }

    void kick(Collection<ResourceID> ids) {
        if (!isRunning() || getEventHandler() == null) {
            return;
        }
        ids.forEach(id -> getEventHandler().handleEvent(new Event(id)));
    }

    @Override
    public Set<Void> getSecondaryResources(Service primary) {
        return Set.of();
    }
}
