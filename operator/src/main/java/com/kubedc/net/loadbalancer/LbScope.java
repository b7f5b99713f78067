package com.kubedc.net.loadbalancer;

import com.kubedc.net.common.ProjectNamespaces;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.ServiceBinding;
import io.fabric8.kubernetes.api.model.Service;

/**
 * Which Services we program, and so which carry our finalizer: live LoadBalancers without a class
 * of someone else's, in a project namespace. Anything else we leave (or let go of) so that it can
 * be deleted without kube-dc-net running. Pure.
 */
public final class LbScope {
    private LbScope() {}

    /** True when {@code s} is (still) ours to program; {@code projectNamespace}: its namespace is labelled by the Project reconciler. */
    public static boolean programs(Service s, boolean projectNamespace) {
        return projectNamespace && ServiceBinding.managed(s) && s.getMetadata().getDeletionTimestamp() == null;
    }

    /**
     * True when {@code s} asks us for an address in a namespace known not to be a project's: a
     * live LoadBalancer without a class. It gets our condition saying so, and nothing else.
     * An unknown namespace (our cache lags behind a new one) is a wait, not a refusal.
     */
    public static boolean refusedHere(Service s, ProjectNamespaces.Membership membership) {
        return membership == ProjectNamespaces.Membership.OTHER
                && ServiceBinding.managed(s)
                && s.getMetadata().getDeletionTimestamp() == null;
    }

    public static boolean holdsFinalizer(Service s) {
        return s.getMetadata().getFinalizers() != null
                && s.getMetadata().getFinalizers().contains(Keys.LOADBALANCER_FINALIZER);
    }
}
