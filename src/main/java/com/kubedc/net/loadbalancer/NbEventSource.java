package com.kubedc.net.loadbalancer;

import com.kubedc.net.ovn.NbState;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns what the OVN NB monitor sees into Service reconciles: a load balancer row changed or
 * deleted behind our back (its owner), a router or switch that appeared (the Services of that
 * project namespace, which were waiting for it), a resync after a reconnect (all of them).
 */
final class NbEventSource extends AbstractEventSource<Void, Service> {
    private final IndexerResourceCache<Service> services;

    NbEventSource(NbState state, IndexerResourceCache<Service> services) {
        super(Void.class, "OvnNb");
        this.services = services;
        state.onChange(this::changed);
    }

    private void changed(NbState.Change c) {
        if (!isRunning() || getEventHandler() == null) {
            return;
        }
        Set<ResourceID> ids = new HashSet<>();
        if (c.all()) {
            services.list(LbBinding::managed).forEach(s -> ids.add(ResourceID.fromResource(s)));
            // Services with our finalizer that stopped being LoadBalancers still need their rows removed
            services.list(s -> s.getMetadata().getFinalizers() != null && s.getMetadata().getFinalizers().contains(LbBinding.FINALIZER))
                    .forEach(s -> ids.add(ResourceID.fromResource(s)));
        }
        for (String owner : c.owners()) {
            int slash = owner.indexOf('/');
            if (slash > 0) {
                ids.add(new ResourceID(owner.substring(slash + 1), owner.substring(0, slash)));
            }
        }
        for (String datapath : c.datapaths()) {
            String ns = datapath.endsWith("-default") ? datapath.substring(0, datapath.length() - "-default".length()) : datapath;
            services.list(ns, LbBinding::managed).forEach(s -> ids.add(ResourceID.fromResource(s)));
        }
        ids.forEach(id -> getEventHandler().handleEvent(new Event(id)));
    }

    @Override
    public Set<Void> getSecondaryResources(Service primary) {
        return Set.of();
    }
}
