package com.kubedc.net.common;

import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Objects;

/**
 * How objects made by upstream's Kube-DC manager say whom they belong to, where their names
 * differ from ours (spec §5, §6, §7): an allocated OvnEip carries label {@code network.kube-dc.com/eip}
 * and annotation {@code kube-dc.com/ovn-eip-created-by-eip}, both {@code <ns>.<eip>}; an OvnFip
 * is {@code <ns>-<fip>} in VPC {@code <ns>} (and its FIp's status names it); namespaced children
 * point at their owner with an ownerReference. Pure.
 */
public final class UpstreamMarkers {
    private UpstreamMarkers() {}

    /** Upstream's reference to an EIp on its OvnEip: {@code <ns>.<eip>}. */
    public static String eipRef(String namespace, String eip) {
        return namespace + "." + eip;
    }

    /** True when upstream's label or annotation on {@code o} names EIp {@code ns/eip}. */
    public static boolean ovnEipOfEIp(HasMetadata o, String namespace, String eip) {
        String ref = eipRef(namespace, eip);
        return ref.equals(get(o.getMetadata().getLabels(), Keys.EIP))
                || ref.equals(get(o.getMetadata().getAnnotations(), Keys.EIP_CREATED_BY));
    }

    /** The EIp ({@code ns/name}) upstream's markers on an OvnEip name, or null. */
    public static String eipOfOvnEip(HasMetadata o) {
        String ref = get(o.getMetadata().getAnnotations(), Keys.EIP_CREATED_BY);
        if (ref == null) {
            ref = get(o.getMetadata().getLabels(), Keys.EIP);
        }
        int dot = ref == null ? -1 : ref.indexOf('.'); // a namespace name has no dot
        return dot <= 0 ? null : ref.substring(0, dot) + "/" + ref.substring(dot + 1);
    }

    /** Upstream's name of FIp {@code ns/fip}'s OvnFip. */
    public static String ovnFipName(String namespace, String fip) {
        return namespace + "-" + fip;
    }

    /**
     * True when OvnFip {@code o} (its name, VPC) is upstream's for FIp {@code ns/fip}: named as
     * upstream names it or as the FIp's status records, in the project VPC {@code ns}.
     */
    public static boolean ovnFipOfFIp(String name, String vpc, String namespace, String fip, String recordedName) {
        return Objects.equals(vpc, namespace) && (name.equals(ovnFipName(namespace, fip)) || name.equals(recordedName));
    }

    /** True when {@code o} has an ownerReference to {@code owner} (same kind and uid). */
    public static boolean referencesOwner(HasMetadata o, HasMetadata owner) {
        String uid = owner.getMetadata().getUid();
        return uid != null
                && o.getMetadata().getOwnerReferences() != null
                && o.getMetadata().getOwnerReferences().stream()
                        .anyMatch(r -> owner.getKind().equals(r.getKind()) && uid.equals(r.getUid()));
    }

    /**
     * An EIp upstream's manager made for {@code owner} (a Service's {@code slb-<svc>-xxxxx}, an FIp's
     * {@code fip-<fip>-xxxxx}): it references the owner, or has the name {@code <prefix>-xxxxx} and
     * lists the owner in {@code status.owners} as {@code ownerType}.
     */
    public static boolean autoEIpOf(com.kubedc.net.api.v1.EIp e, HasMetadata owner, String ownerType, String prefix) {
        if (referencesOwner(e, owner)) {
            return true;
        }
        boolean listed = e.getStatus() != null
                && e.getStatus().getOwners() != null
                && e.getStatus().getOwners().stream()
                        .anyMatch(o -> ownerType.equals(o.getType())
                                && owner.getMetadata().getName().equals(o.getOwnerRef()));
        return listed && e.getMetadata().getName().matches(java.util.regex.Pattern.quote(prefix) + "-[a-z0-9]{5}");
    }

    private static String get(Map<String, String> m, String k) {
        return m == null ? null : m.get(k);
    }
}
