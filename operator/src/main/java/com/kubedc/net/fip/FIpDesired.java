package com.kubedc.net.fip;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpSpec;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.common.Owners;
import com.kubedc.net.thirdparty.kubeovn.OvnFip;
import com.kubedc.net.vocabulary.Names;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;

/** What an FIp owns: its auto-created EIp {@code fip-<name>} and its OvnFip; pure. */
public final class FIpDesired {
    private FIpDesired() {}

    /** {@code fip-<name>}, or upstream's {@code fip-<name>-xxxxx} once adopted (annotation {@code kube-dc.com/adopted-eip}). */
    public static String autoEIpName(FIp fip) {
        String adopted = fip.getMetadata().getAnnotations() == null
                ? null
                : fip.getMetadata().getAnnotations().get(com.kubedc.net.vocabulary.Keys.ADOPTED_EIP);
        return adopted != null && !adopted.isBlank()
                ? adopted.trim()
                : "fip-" + fip.getMetadata().getName();
    }

    public static String ovnFipName(FIp fip) {
        return Names.hashed(
                "fip", fip.getMetadata().getNamespace(), fip.getMetadata().getName());
    }

    /** The EIp an FIp without {@code spec.eip} allocates for itself (owned: labels and an ownerReference). */
    public static EIp autoEIp(FIp fip, String networkType) {
        EIp e = new EIp();
        e.setMetadata(new ObjectMeta());
        e.getMetadata().setName(autoEIpName(fip));
        e.getMetadata().setNamespace(fip.getMetadata().getNamespace());
        e.getMetadata().setLabels(Owners.labels(fip));
        e.getMetadata()
                .setOwnerReferences(List.of(new OwnerReferenceBuilder()
                        .withApiVersion(fip.getApiVersion())
                        .withKind(fip.getKind())
                        .withName(fip.getMetadata().getName())
                        .withUid(fip.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build()));
        EIpSpec spec = new EIpSpec();
        spec.setExternalNetworkType(networkType);
        e.setSpec(spec);
        return e;
    }

    /** dnat_and_snat of the EIp's OvnEip onto the target, in the project VPC (named after the namespace). */
    public static OvnFip ovnFip(FIp fip, String ovnEip, String target) {
        OvnFip o = new OvnFip();
        o.setMetadata(new ObjectMeta());
        o.getMetadata().setName(ovnFipName(fip));
        o.getMetadata().setLabels(Owners.labels(fip));
        o.setSpec(
                new OvnFip.Spec(ovnEip, null, null, Names.vpc(fip.getMetadata().getNamespace()), target, null));
        return o;
    }
}
