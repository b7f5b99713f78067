package com.kubedc.net.eip;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpOwner;
import com.kubedc.net.api.v1.EIpStatus;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.vocabulary.Conditions;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/** EIp status from its OvnEip and its users; pure apart from the clock. */
public final class EIpStatusBuilder {
    private EIpStatusBuilder() {}

    /** Status of an EIp adopting OvnEip {@code childRef} ({@code ovnEip} null while it does not exist). */
    public static EIpStatus adopted(EIp eip, String childRef, OvnEip ovnEip, List<EIpOwner> owners, Clock clock) {
        EIpStatus prev = eip.getStatus() == null ? new EIpStatus() : eip.getStatus();
        Conditions c = new Conditions(prev.getConditions(), eip.getMetadata().getGeneration(), clock);
        EIpStatus s = new EIpStatus();
        s.setOvnEIpRef(childRef);
        String addr = ovnEip == null ? null : ovnEip.readyAddress();
        s.setIpAddress(addr);
        s.setReady(addr != null);
        if (ovnEip == null) {
            c.set(
                    Conditions.READY,
                    false,
                    EIpReasons.WAITING_FOR_OVN_EIP,
                    "OvnEip " + childRef + " does not exist yet");
        } else if (addr == null) {
            c.set(
                    Conditions.READY,
                    false,
                    EIpReasons.WAITING_FOR_ADDRESS,
                    "waiting for Kube-OVN to give OvnEip " + childRef + " an address");
        } else {
            c.set(
                    Conditions.READY,
                    true,
                    EIpReasons.READY,
                    "address " + addr + " from " + ovnEip.getSpec().externalSubnet());
        }
        applyOwners(s, owners);
        s.setConditions(c.build());
        return s;
    }

    /** Status of an allocating EIp: its OvnEip (null while none) or why there is none. */
    public static EIpStatus allocated(
            EIp eip, OvnEip ovnEip, String problemReason, String problemMessage, List<EIpOwner> owners, Clock clock) {
        EIpStatus prev = eip.getStatus() == null ? new EIpStatus() : eip.getStatus();
        Conditions c = new Conditions(prev.getConditions(), eip.getMetadata().getGeneration(), clock);
        EIpStatus s = new EIpStatus();
        String addr = ovnEip == null ? null : ovnEip.readyAddress();
        s.setOvnEIpRef(ovnEip == null ? "" : ovnEip.getMetadata().getName());
        s.setIpAddress(addr);
        s.setReady(addr != null);
        if (problemReason != null) {
            c.set(Conditions.READY, false, problemReason, problemMessage);
        } else if (addr == null) {
            c.set(
                    Conditions.READY,
                    false,
                    EIpReasons.WAITING_FOR_ADDRESS,
                    "waiting for Kube-OVN to give OvnEip "
                            + ovnEip.getMetadata().getName() + " an address on "
                            + ovnEip.getSpec().externalSubnet());
        } else {
            c.set(
                    Conditions.READY,
                    true,
                    EIpReasons.READY,
                    "address " + addr + " from " + ovnEip.getSpec().externalSubnet());
        }
        applyOwners(s, owners);
        s.setConditions(c.build());
        return s;
    }

    /** Owners sorted for a stable status; the ownership type follows from them (an FIp is exclusive). */
    static void applyOwners(EIpStatus s, List<EIpOwner> owners) {
        List<EIpOwner> sorted = owners.stream()
                .sorted(Comparator.comparing(EIpOwner::getType).thenComparing(EIpOwner::getOwnerRef))
                .toList();
        s.setOwners(sorted.isEmpty() ? null : sorted);
        s.setOwnershipType(ownershipType(sorted));
    }

    public static String ownershipType(List<EIpOwner> owners) {
        if (owners.isEmpty()) {
            return EIpStatus.RELEASED;
        }
        return owners.stream().anyMatch(o -> EIpOwner.FIP.equals(o.getType())) ? EIpStatus.EXCLUSIVE : EIpStatus.SHARED;
    }
}
