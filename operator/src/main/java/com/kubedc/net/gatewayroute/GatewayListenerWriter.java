package com.kubedc.net.gatewayroute;

import com.kubedc.net.common.WriteCounter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/**
 * Writes our listener edit into the platform's Gateway with optimistic locking: read the Gateway,
 * compute the edit, replace it at the version read; on a conflict read again and recompute. The
 * Gateway is never created or deleted by us, and nothing of it but our one listener changes.
 */
public final class GatewayListenerWriter {
    static final int ATTEMPTS = 50;
    private final KubernetesClient client;
    private final WriteCounter writes;

    public GatewayListenerWriter(KubernetesClient client, WriteCounter writes) {
        this.client = client;
        this.writes = writes;
    }

    /** Applies the edit; returns it ({@link GatewayListeners.Refused} when the Gateway is full, nothing written). */
    public GatewayListeners.Edit apply(GatewayRef ref, String name, Optional<Listener> ours) {
        for (int attempt = 1; ; attempt++) {
            Gateway gw = client.resources(Gateway.class)
                    .inNamespace(ref.namespace())
                    .withName(ref.name())
                    .get();
            if (gw == null) {
                throw new IllegalStateException("Gateway " + ref.namespace() + "/" + ref.name() + " does not exist");
            }
            GatewayListeners.Edit edit = GatewayListeners.edit(gw.getSpec().getListeners(), name, ours);
            if (!(edit instanceof GatewayListeners.Replace replace)) {
                return edit;
            }
            gw.getSpec().setListeners(replace.listeners());
            try {
                writes.count("Gateway", "update");
                client.resource(gw).update(); // carries the resourceVersion read: a concurrent edit makes it 409
                return edit;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
