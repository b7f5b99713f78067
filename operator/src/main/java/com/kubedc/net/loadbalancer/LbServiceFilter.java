package com.kubedc.net.loadbalancer;

import com.kubedc.net.vocabulary.ServiceBinding;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.processing.event.source.filter.GenericFilter;

/**
 * The Services the load-balancer controller sees: LoadBalancers without a class (it then looks at
 * the namespace, {@link LbScope}), and any Service still holding its finalizer, so that a type or
 * class change, or an older version's finalizer, is undone, at start-up too (the informer's first
 * list passes through here). Every other Service, e.g. one of class {@code metallb}, never reaches it.
 */
public class LbServiceFilter implements GenericFilter<Service> {
    @Override
    public boolean accept(Service s) {
        return concerned(s);
    }

    static boolean concerned(Service s) {
        return ServiceBinding.managed(s) || LbScope.holdsFinalizer(s);
    }
}
