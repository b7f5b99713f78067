package com.kubedc.net.common;

import com.kubedc.net.api.v1.EIp;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Map;

/**
 * The EIp a LoadBalancer Service or an FIp makes for itself, or the one upstream's manager made
 * for it, adopted instead and recorded on the owner (annotation {@link Labels#ADOPTED_EIP}).
 */
public final class OwnEIps {
    private OwnEIps() {
    }

    /** The own EIp's name: the adopted one recorded on {@code owner}, else {@code ours}. */
    public static String name(HasMetadata owner, String ours) {
        Map<String, String> a = owner.getMetadata().getAnnotations();
        String adopted = a == null ? null : a.get(Labels.ADOPTED_EIP);
        return adopted != null && !adopted.isBlank() ? adopted.trim() : ours;
    }

    /** The EIps of {@code namespace} as last seen or written (list() reads the informer's store only; get() also sees our writes). */
    public static <P extends HasMetadata> List<EIp> inNamespace(InformerEventSource<EIp, P> eips, String namespace) {
        return eips.list(namespace, e -> true).map(e -> eips.get(ResourceID.fromResource(e)).orElse(e)).toList();
    }

    /** Adopts {@code upstream} for {@code owner}: our owner labels on it, its name recorded on the owner. Returns it as it now is. */
    public static <P extends HasMetadata> EIp adopt(Writer writer, InformerEventSource<EIp, P> eips, EIp upstream, HasMetadata owner,
            Map<String, String> ownerLabels) {
        EIp adopted = writer.adopt(upstream, ownerLabels);
        writer.annotate(owner, Labels.ADOPTED_EIP, adopted.getMetadata().getName());
        if (adopted != upstream) {
            eips.handleRecentResourceUpdate(ResourceID.fromResource(adopted), adopted, upstream);
        }
        return adopted;
    }
}
