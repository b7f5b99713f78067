package com.kubedc.net.fip;

import com.kubedc.net.api.v1.TargetVmInterface;
import com.kubedc.net.api.v1.VmTarget;
import com.kubedc.net.network.Ip;
import com.kubedc.net.thirdparty.kubevirt.VirtualMachineInstance;
import java.util.List;
import java.util.Optional;

/** Resolves an FIp's VM target from the VMI's {@code status.interfaces}: the named interface, else the first. Pure. */
public final class TargetResolution {
    private TargetResolution() {}

    /** The resolved interface, or why there is none (a reason and message). */
    public record Result(TargetVmInterface target, String reason, String message) {}

    public static Result resolve(VmTarget target, VirtualMachineInstance vmi) {
        if (vmi == null) {
            return new Result(
                    null,
                    FIpReasons.VM_NOT_FOUND,
                    "no VirtualMachineInstance " + target.getVmName() + " (is the VM running?)");
        }
        List<VirtualMachineInstance.Interface> ifaces =
                vmi.getStatus() == null || vmi.getStatus().interfaces() == null
                        ? List.of()
                        : vmi.getStatus().interfaces();
        String wanted = target.getInterfaceName();
        Optional<VirtualMachineInstance.Interface> chosen = wanted == null || wanted.isBlank()
                ? ifaces.stream().findFirst()
                : ifaces.stream()
                        .filter(i -> wanted.equals(i.name()) || wanted.equals(i.interfaceName()))
                        .findFirst();
        if (chosen.isEmpty()) {
            return new Result(
                    null,
                    FIpReasons.INTERFACE_NOT_READY,
                    wanted == null
                            ? "VM " + target.getVmName() + " reports no interface yet"
                            : "VM " + target.getVmName() + " has no interface " + wanted);
        }
        VirtualMachineInstance.Interface i = chosen.get();
        String ip = i.ipAddress();
        if ((ip == null || !Ip.isValid(ip)) && i.ipAddresses() != null) {
            ip = i.ipAddresses().stream().filter(Ip::isValid).findFirst().orElse(null);
        }
        if (ip == null || !Ip.isValid(ip)) {
            return new Result(
                    null,
                    FIpReasons.INTERFACE_NOT_READY,
                    "interface " + i.name() + " of VM " + target.getVmName() + " has no IPv4 address yet");
        }
        TargetVmInterface t = new TargetVmInterface();
        t.setVmName(target.getVmName());
        t.setInterfaceName(i.name());
        t.setIpAddress(ip);
        t.setMac(i.mac());
        return new Result(t, null, null);
    }
}
