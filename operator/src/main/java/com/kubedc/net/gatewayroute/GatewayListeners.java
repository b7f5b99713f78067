package com.kubedc.net.gatewayroute;

import com.kubedc.net.vocabulary.Json;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Our edits of the platform's shared Gateway: add, replace or remove one listener of ours by
 * name, every other listener kept as it is and in its place. The result is written with the
 * Gateway's resourceVersion (optimistic locking); on a conflict the edit is recomputed from the
 * fresh Gateway, so concurrent edits by several Services never lose a listener. Pure.
 */
public final class GatewayListeners {
    private GatewayListeners() {}

    /** What to do with the Gateway's listeners. */
    public sealed interface Edit permits Unchanged, Replace, Refused {}

    /** The Gateway already has exactly what we want. */
    public record Unchanged() implements Edit {}

    /** The new listener list. */
    public record Replace(List<Listener> listeners) implements Edit {}

    /** Adding ours would exceed the Gateway's listener budget: nothing is written. */
    public record Refused(String reason, String message) implements Edit {}

    /** Puts {@code ours} in {@code current} (replacing a listener of that name), or removes listener {@code name} when {@code ours} is empty. */
    public static Edit edit(List<Listener> current, String name, Optional<Listener> ours) {
        List<Listener> existing = current == null ? List.of() : current;
        int at = -1;
        for (int i = 0; i < existing.size(); i++) {
            if (name.equals(existing.get(i).getName())) {
                at = i;
                break;
            }
        }
        if (ours.isEmpty()) {
            if (at < 0) {
                return new Unchanged();
            }
            List<Listener> next = new ArrayList<>(existing);
            next.remove(at);
            return new Replace(next);
        }
        if (at >= 0) {
            // fields the API server defaults (or another tool adds) do not make ours differ: only what we set counts
            if (Json.contains(Json.tree(existing.get(at)), Json.tree(ours.get()))) {
                return new Unchanged();
            }
            List<Listener> next = new ArrayList<>(existing);
            next.set(at, ours.get());
            return new Replace(next);
        }
        List<String> names = existing.stream().map(Listener::getName).toList();
        if (!ListenerBudget.admits(names, name)) {
            return new Refused(
                    RouteReasons.LISTENER_LIMIT_REACHED,
                    "Gateway has " + existing.size() + " of " + ListenerBudget.MAX_LISTENERS
                            + " listeners: no room for " + name);
        }
        List<Listener> next = new ArrayList<>(existing);
        next.add(ours.get());
        return new Replace(next);
    }
}
