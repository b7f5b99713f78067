package com.kubedc.net.gatewayroute;

import com.kubedc.net.common.Writer;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a Service's route objects and its Gateway listener: create or patch one desired object,
 * delete the kinds no longer wanted, put or take away our listener. Listener edits are checked
 * against the cached Gateway first, so a converged Service reads and writes nothing.
 */
final class RouteChildren {
    private final Writer writer;
    private final GatewayListenerWriter listeners;
    private final RouteSources sources;
    private final GatewayRef gw;

    RouteChildren(Writer writer, GatewayListenerWriter listeners, RouteSources sources, GatewayRef gw) {
        this.writer = writer;
        this.listeners = listeners;
        this.sources = sources;
        this.gw = gw;
    }

    /**
     * Creates or patches {@code desired}; empty when its name is held by an object that is not
     * this Service's (a user's own, or one left by an earlier Service of the same name, which is
     * deleted so that the next reconcile can create ours).
     */
    <T extends HasMetadata> Optional<T> ensure(Service s, T desired, List<HasMetadata> children) {
        @SuppressWarnings("unchecked")
        T actual = (T) children.stream()
                .filter(c -> c.getKind().equals(desired.getKind())
                        && c.getMetadata()
                                .getName()
                                .equals(desired.getMetadata().getName()))
                .findFirst()
                .orElse(null);
        Optional<T> now = writer.ensure(desired, actual);
        if (actual == null
                && now.isPresent()
                && RouteDesired.ownedBy(now.get(), s)
                && !Writer.upToDate(now.get(), desired)) {
            // the create found an object at our name owned by this Service but not labelled as ours (upstream's manager
            // made it; our informers select our label, so they never showed it): patch it once to ours, labels and spec
            now = writer.ensure(desired, now.get());
        }
        if (now.isPresent() && !RouteDesired.ownedBy(now.get(), s)) {
            if (Keys.MANAGED_BY_VALUE.equals(label(now.get(), Keys.MANAGED_BY))
                    && s.getMetadata().getName().equals(label(now.get(), Keys.SOURCE_SERVICE))) {
                writer.delete(now.get());
            }
            return Optional.empty();
        }
        return now;
    }

    /** Deletes this Service's objects whose kind is not in {@code keep}. */
    void removeExcept(List<HasMetadata> children, Set<String> keep) {
        children.stream().filter(c -> !keep.contains(c.getKind())).forEach(writer::delete);
    }

    /** Puts our listener on the Gateway; the edit tells whether it was refused for lack of room. */
    GatewayListeners.Edit putListener(Gateway cached, Listener ours) {
        if (GatewayListeners.edit(cached.getSpec().getListeners(), ours.getName(), Optional.of(ours))
                instanceof GatewayListeners.Unchanged) {
            return new GatewayListeners.Unchanged();
        }
        return listeners.apply(gw, ours.getName(), Optional.of(ours));
    }

    /** Takes away listeners {@code names} of ours that the cached Gateway shows. */
    void removeListeners(Collection<String> names) {
        Optional<Gateway> cached = sources.gateway(gw);
        if (cached.isEmpty()
                || cached.get().getSpec() == null
                || cached.get().getSpec().getListeners() == null) {
            return;
        }
        Set<String> present = cached.get().getSpec().getListeners().stream()
                .map(Listener::getName)
                .collect(Collectors.toSet());
        for (String n : names) {
            if (present.contains(n)) {
                listeners.apply(gw, n, Optional.empty());
            }
        }
    }

    /** The hostnames this Service's routes carry now. */
    static Set<String> hostnames(List<HasMetadata> children) {
        return children.stream().flatMap(c -> RouteKinds.hostnames(c).stream()).collect(Collectors.toSet());
    }

    private static String label(HasMetadata o, String key) {
        return o.getMetadata().getLabels() == null
                ? null
                : o.getMetadata().getLabels().get(key);
    }
}
