package com.kubedc.net.eip;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.common.Owners;
import com.kubedc.net.thirdparty.kubeovn.KubeOvn;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.Names;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/** The OvnEip an allocating EIp owns; pure. */
public final class EIpDesired {
    private EIpDesired() {}

    /** Deterministic, collision-proof name (Decision 3): {@code eip-<ns>-<name>-<hash8>}, at most 63. */
    public static String ovnEipName(EIp eip) {
        return Names.hashed(
                "eip", eip.getMetadata().getNamespace(), eip.getMetadata().getName());
    }

    public static OvnEip ovnEip(EIp eip, String externalSubnet) {
        String ref = eip.getMetadata().getNamespace() + "." + eip.getMetadata().getName();
        OvnEip o = new OvnEip();
        o.setMetadata(new ObjectMeta());
        o.getMetadata().setName(ovnEipName(eip));
        var labels = Owners.labels(eip);
        if (Keys.validValue(
                ref)) { // upstream's label; past 63 characters the API server refuses it (the annotation keeps the
            // reference)
            labels.put(Keys.EIP, ref);
        }
        o.getMetadata().setLabels(labels);
        o.getMetadata().setAnnotations(Map.of(Keys.EIP_CREATED_BY, ref));
        o.setSpec(new OvnEip.Spec(externalSubnet, null, null, KubeOvn.EIP_TYPE_NAT));
        return o;
    }
}
