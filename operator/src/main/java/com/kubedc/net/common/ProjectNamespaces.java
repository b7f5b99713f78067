package com.kubedc.net.common;

import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Project namespaces as a controller of namespaced primaries {@code P} sees them: a namespace
 * labelled {@link Labels#PROJECT} by the Project reconciler. A label change reconciles the
 * namespace's primaries that {@code concerned} selects, so that they are taken on or let go of.
 */
public final class ProjectNamespaces<P extends HasMetadata> {
    /** Condition reason of an object that gets no address because its namespace is not a project's. */
    public static final String NOT_A_PROJECT_NAMESPACE = "NotAProjectNamespace";

    /** What the cache says of a namespace. */
    public enum Membership {
        PROJECT,
        /** Known and not a project's: a refusal. */
        OTHER,
        /**
         * Not in this controller's cache yet: a namespace the object lives in exists, so this is
         * the Namespace informer lagging behind the object's (its event brings us back): a wait.
         */
        UNKNOWN;

        public static Membership of(Optional<Namespace> cached) {
            return cached.map(n -> isProject(n) ? PROJECT : OTHER).orElse(UNKNOWN);
        }
    }

    /** What a controller does about a new address for an object in a namespace. */
    public enum Gate {
        PROCEED,
        WAIT,
        REFUSE
    }

    /** Reason of the {@link Gate#WAIT} while our cache has not seen the namespace yet. */
    public static final String WAITING_FOR_NAMESPACE = "WaitingForNamespace";

    /**
     * New addresses are given in project namespaces only. What an object already holds (allocated
     * before its namespace lost the project label, or adopted from upstream's manager) is kept:
     * taking an address away breaks traffic, and deleting the object releases it. Pure.
     */
    public static Gate gate(Membership membership, boolean holds) {
        if (membership == Membership.PROJECT || holds) {
            return Gate.PROCEED;
        }
        return membership == Membership.UNKNOWN ? Gate.WAIT : Gate.REFUSE;
    }

    private final SharedSource<Namespace, P> source;

    public ProjectNamespaces(EventSourceContext<P> ctx, Predicate<P> concerned) {
        var primaries = ctx.getPrimaryCache();
        source = new SharedSource<>(
                ctx,
                Namespace.class,
                n -> primaries
                        .list(n.getMetadata().getName(), concerned)
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()));
    }

    public SharedSource<Namespace, P> source() {
        return source;
    }

    /** True when {@code namespace} is a project's (as cached). */
    public boolean contains(String namespace) {
        return membership(namespace) == Membership.PROJECT;
    }

    public Membership membership(String namespace) {
        return Membership.of(source.get(new ResourceID(namespace)));
    }

    public static boolean isProject(Namespace n) {
        return n.getMetadata().getLabels() != null
                && n.getMetadata().getLabels().containsKey(Keys.PROJECT);
    }

    /** The message of a {@link #NOT_A_PROJECT_NAMESPACE} refusal. */
    public static String refusal(String what, String namespace) {
        return "namespace " + namespace + " is not a project namespace (no " + Keys.PROJECT + " label): " + what
                + " gets no address here; create it in a Project's namespace";
    }
}
