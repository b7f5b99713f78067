package com.kubedc.net.loadbalancer;

import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.processing.event.source.filter.GenericFilter;

/**
 * The Services the load-balancer controller sees: LoadBalancers without a class, and those still
 * holding its finalizer (so that a type change is undone). Every other Service never reaches it and
 * never gets its finalizer.
 */
public class LbServiceFilter implements GenericFilter<Service> {
    @Override
    public boolean accept(Service s) {
        return LbBinding.managed(s)
                || s.getMetadata().getFinalizers() != null && s.getMetadata().getFinalizers().contains(LbBinding.FINALIZER);
    }
}
