package com.kubedc.net.fip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.FIpSpec;
import com.kubedc.net.api.v1.VmTarget;
import com.kubedc.net.thirdparty.kubevirt.VirtualMachineInstance;
import java.util.List;
import org.junit.jupiter.api.Test;

class FIpValidationTest {
    static FIpSpec spec(String eip, String type, String ip, String vm) {
        FIpSpec s = new FIpSpec();
        s.setEip(eip);
        s.setExternalNetworkType(type);
        s.setIpAddress(ip);
        if (vm != null) {
            VmTarget t = new VmTarget();
            t.setVmName(vm);
            s.setVmTarget(t);
        }
        return s;
    }

    static String reason(FIpSpec s) {
        return FIpValidation.check(s, "10.0.0.0/24")
                .map(FIpValidation.Problem::reason)
                .orElse("ok");
    }

    @Test
    void malformedAndCrossNamespaceReferencesAreRefused() {
        assertEquals(FIpReasons.INVALID_SPEC, reason(spec("e", "public", "10.0.0.5", null)));
        assertEquals(FIpReasons.INVALID_SPEC, reason(spec(null, null, "10.0.0.5", "vm")));
        assertEquals(FIpReasons.INVALID_SPEC, reason(spec(null, null, null, null)));
        assertEquals(FIpReasons.INVALID_SPEC, reason(spec(null, "internet", "10.0.0.5", null)));
        assertEquals(FIpReasons.INVALID_REFERENCE, reason(spec("other-ns/e", null, "10.0.0.5", null)));
        assertEquals(FIpReasons.INVALID_REFERENCE, reason(spec(null, null, null, "other-ns/vm")));
        assertEquals(FIpReasons.INVALID_IP_ADDRESS, reason(spec(null, null, "10.0.0.300", null)));
        assertEquals(FIpReasons.TARGET_OUTSIDE_SUBNET, reason(spec(null, null, "10.0.1.5", null)));
        assertEquals("ok", reason(spec("e", null, "10.0.0.5", null)));
        assertEquals("ok", reason(spec(null, "public", null, "vm")));
    }

    static VirtualMachineInstance vmi(VirtualMachineInstance.Interface... ifaces) {
        VirtualMachineInstance v = new VirtualMachineInstance();
        v.setStatus(new VirtualMachineInstance.Status(List.of(ifaces), "Running"));
        return v;
    }

    @Test
    void theNamedInterfaceElseTheFirstGivesTheTarget() {
        VmTarget t = new VmTarget();
        t.setVmName("vm");
        var a = new VirtualMachineInstance.Interface("vpc_net_0", "eth0", "10.0.0.7", null, "aa:bb", "domain");
        var b = new VirtualMachineInstance.Interface("second", "eth1", "10.0.0.8", null, "cc:dd", "domain");
        assertEquals("10.0.0.7", TargetResolution.resolve(t, vmi(a, b)).target().getIpAddress());
        t.setInterfaceName("second");
        var r = TargetResolution.resolve(t, vmi(a, b));
        assertEquals("10.0.0.8", r.target().getIpAddress());
        assertEquals("second", r.target().getInterfaceName());
        assertEquals("cc:dd", r.target().getMac());
        t.setInterfaceName("missing");
        assertEquals(
                FIpReasons.INTERFACE_NOT_READY,
                TargetResolution.resolve(t, vmi(a, b)).reason());
        assertEquals(FIpReasons.VM_NOT_FOUND, TargetResolution.resolve(t, null).reason());
        t.setInterfaceName(null);
        assertTrue(TargetResolution.resolve(
                                t, vmi(new VirtualMachineInstance.Interface("x", null, null, null, null, null)))
                        .target()
                == null);
    }
}
