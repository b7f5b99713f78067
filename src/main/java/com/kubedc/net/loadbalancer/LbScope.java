package com.kubedc.net.loadbalancer;

import io.fabric8.kubernetes.api.model.Service;

/**
 * Which Services we program, and so which carry our finalizer: live LoadBalancers without a class
 * of someone else's, in a project namespace. Anything else we leave (or let go of) so that it can
 * be deleted without kube-dc-net running. Pure.
 */
public final class LbScope {
    private LbScope() {
    }

    /** True when {@code s} is (still) ours to program; {@code projectNamespace}: its namespace is labelled by the Project reconciler. */
    public static boolean programs(Service s, boolean projectNamespace) {
        return projectNamespace && LbBinding.managed(s) && s.getMetadata().getDeletionTimestamp() == null;
    }

    public static boolean holdsFinalizer(Service s) {
        return s.getMetadata().getFinalizers() != null && s.getMetadata().getFinalizers().contains(LbBinding.FINALIZER);
    }
}
