package com.kubedc.net.loadbalancer;

import com.kubedc.net.ovn.NbLoadBalancers;
import com.kubedc.net.ovn.NbPlan;
import com.kubedc.net.ovn.NbState;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.ServiceBinding;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Turns what the OVN NB monitor sees into Service reconciles: a load balancer row changed or
 * deleted behind our back (its owner), a router or switch that appeared (the Services of that
 * project namespace, which were waiting for it), a resync after a reconnect (all of them). Rows
 * whose owner Service no longer exists cannot be reconciled through it: they are swept here.
 */
final class NbEventSource extends AbstractEventSource<Void, Service> {
    private static final Logger LOG = Logger.getLogger(NbEventSource.class);
    private final IndexerResourceCache<Service> services;
    private final NbLoadBalancers nb;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ovn-lb-sweeper");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean sweepQueued = new AtomicBoolean();

    NbEventSource(NbLoadBalancers nb, IndexerResourceCache<Service> services) {
        super(Void.class, "OvnNb");
        this.nb = nb;
        this.services = services;
        nb.state().onChange(this::changed);
    }

    @Override
    public synchronized void start() {
        super.start();
        queueSweep();
    }

    @Override
    public synchronized void stop() {
        super.stop();
        sweeper.shutdownNow();
    }

    private void changed(NbState.Change c) {
        if (!isRunning() || getEventHandler() == null) {
            return;
        }
        Set<ResourceID> ids = new HashSet<>();
        if (c.all()) {
            services.list(s -> ServiceBinding.managed(s) || ours(s)).forEach(s -> ids.add(ResourceID.fromResource(s)));
        }
        boolean orphans = c.all();
        for (String owner : c.owners()) {
            ResourceID id = id(owner);
            if (id != null && services.get(id).isPresent()) {
                ids.add(id);
            } else {
                orphans = true;
            }
        }
        for (String datapath : c.datapaths()) {
            String ns = datapath.endsWith("-default")
                    ? datapath.substring(0, datapath.length() - "-default".length())
                    : datapath;
            services.list(ns, ServiceBinding::managed).forEach(s -> ids.add(ResourceID.fromResource(s)));
        }
        ids.forEach(id -> getEventHandler().handleEvent(new Event(id)));
        if (orphans) {
            queueSweep();
        }
    }

    private void queueSweep() {
        if (sweepQueued.compareAndSet(false, true)) {
            sweeper.schedule(this::sweep, 1, TimeUnit.SECONDS);
        }
    }

    /** Removes rows we made whose owner Service is gone (deleted while we were not running, or by force). */
    private void sweep() {
        sweepQueued.set(false);
        if (!isRunning() || !nb.ready()) {
            return;
        }
        Set<String> gone = new HashSet<>();
        nb.state().ours().forEach(lb -> {
            String owner = lb.row().externalIds().get(com.kubedc.net.ovn.LbRow.OWNER);
            ResourceID id = owner == null ? null : id(owner);
            if (id != null
                    && services.get(id)
                            .filter(s -> ServiceBinding.managed(s) || ours(s))
                            .isEmpty()) {
                gone.add(owner);
            }
        });
        if (gone.isEmpty()) {
            return;
        }
        try {
            nb.transact(NbPlan.remove(nb.state(), List.copyOf(gone)));
            LOG.infof("swept OVN load balancers of %d Service(s) that no longer exist", gone.size());
        } catch (RuntimeException e) {
            LOG.debugf("sweep failed, again shortly: %s", e.toString());
            queueSweep();
        }
    }

    static boolean ours(Service s) {
        return s.getMetadata().getFinalizers() != null
                && s.getMetadata().getFinalizers().contains(Keys.LOADBALANCER_FINALIZER);
    }

    static ResourceID id(String owner) {
        int slash = owner.indexOf('/');
        return slash > 0 ? new ResourceID(owner.substring(slash + 1), owner.substring(0, slash)) : null;
    }

    @Override
    public Set<Void> getSecondaryResources(Service primary) {
        return Set.of();
    }
}
