package com.kubedc.net.fip;

import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.api.v1.FIpStatus;
import com.kubedc.net.api.v1.TargetVmInterface;
import com.kubedc.net.vocabulary.Conditions;
import java.time.Clock;

/** FIp status from what was resolved; the required keys are always present. Pure apart from the clock. */
public final class FIpStatusBuilder {
    private FIpStatusBuilder() {}

    /** What a reconcile found, in the order it is resolved; a null reason means ready. */
    public record Facts(
            String eip,
            String externalIP,
            String ovnFip,
            String targetIP,
            TargetVmInterface vmInterface,
            String reason,
            String message) {}

    public static FIpStatus build(FIp fip, Facts f, Clock clock) {
        FIpStatus prev = fip.getStatus() == null ? new FIpStatus() : fip.getStatus();
        Conditions c = new Conditions(prev.getConditions(), fip.getMetadata().getGeneration(), clock);
        FIpStatus s = new FIpStatus();
        s.setEip(f.eip() == null ? "" : f.eip());
        s.setExternalIP(f.externalIP() == null ? "" : f.externalIP());
        s.setOvnFip(f.ovnFip() == null ? "" : f.ovnFip());
        s.setResolvedTargetIP(f.targetIP());
        s.setTargetVMInterface(f.vmInterface());
        s.setReady(f.reason() == null);
        if (f.reason() == null) {
            c.set(Conditions.READY, true, FIpReasons.READY, f.externalIP() + " → " + f.targetIP());
        } else {
            c.set(Conditions.READY, false, f.reason(), f.message());
        }
        s.setConditions(c.build());
        return s;
    }
}
