package com.kubedc.net.loadbalancer;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpSpec;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.ServiceBinding;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The EIp {@code slb-<svc>} a Service without a binding annotation gets, owned by it. Pure. */
public final class LbEIp {
    static final String KIND = "Service";

    private LbEIp() {}

    public static EIp auto(Service s, String networkType) {
        EIp e = new EIp();
        e.setMetadata(new ObjectMeta());
        e.getMetadata().setName(ServiceBinding.autoEIpName(s.getMetadata().getName()));
        e.getMetadata().setNamespace(s.getMetadata().getNamespace());
        e.getMetadata().setLabels(labels(s));
        e.getMetadata()
                .setOwnerReferences(List.of(new OwnerReferenceBuilder()
                        .withApiVersion("v1")
                        .withKind(KIND)
                        .withName(s.getMetadata().getName())
                        .withUid(s.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build()));
        EIpSpec spec = new EIpSpec();
        spec.setExternalNetworkType(networkType);
        e.setSpec(spec);
        return e;
    }

    static Map<String, String> labels(Service s) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put(Keys.MANAGED_BY, Keys.MANAGED_BY_VALUE);
        l.put(Keys.OWNER_KIND, KIND);
        l.put(Keys.OWNER_NAMESPACE, s.getMetadata().getNamespace());
        l.put(Keys.OWNER_NAME, s.getMetadata().getName());
        return l;
    }

    /** True when {@code e} is the auto EIp of {@code s}. */
    public static boolean ownedBy(EIp e, Service s) {
        Map<String, String> l = e.getMetadata().getLabels();
        return l != null
                && KIND.equals(l.get(Keys.OWNER_KIND))
                && Objects.equals(l.get(Keys.OWNER_NAMESPACE), s.getMetadata().getNamespace())
                && Objects.equals(l.get(Keys.OWNER_NAME), s.getMetadata().getName());
    }
}
