package com.kubedc.net.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * A read of the API server past the informer caches, for the one decision a stale cache must not
 * make: that nothing of ours is left before our finalizer goes. A child re-created under the name
 * of one just deleted (an object deleted and made again with the same name) can be missing from the
 * cache for a moment, when the old one's delete event lands after the new one was written.
 */
public final class Live {
    private Live() {
    }

    /** {@code kind} {@code name} (in {@code namespace}, null for cluster-scoped) as the server has it now, if it is {@code owner}'s. */
    public static <T extends HasMetadata> Optional<T> ownedChild(KubernetesClient client, Class<T> kind, String namespace, String name,
            HasMetadata owner) {
        var op = namespace == null ? client.resources(kind).withName(name) : client.resources(kind).inNamespace(namespace).withName(name);
        return Optional.ofNullable(op.get()).filter(o -> Owners.ownedBy(o, owner));
    }
}
