package com.kubedc.net.eip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpOwner;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.vocabulary.Conditions;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class EIpStatusBuilderTest {
    static EIp eip() {
        EIp e = new EIp();
        e.setMetadata(new ObjectMeta());
        e.getMetadata().setName("default-gw");
        e.getMetadata().setGeneration(1L);
        return e;
    }

    static OvnEip ovnEip(String ip, boolean ready) {
        OvnEip o = new OvnEip();
        o.setMetadata(new ObjectMeta());
        o.setSpec(new OvnEip.Spec("ext-cloud", null, null, "lrp"));
        o.setStatus(new OvnEip.Status("lrp", null, ip, null, ready, null));
        return o;
    }

    @Test
    void adoptedAddressComesOnlyFromKubeOvnStatus() {
        var s = EIpStatusBuilder.adopted(
                eip(),
                "ns-ext-cloud",
                ovnEip("100.65.0.101", true),
                List.of(new EIpOwner("Snat", "ns")),
                Clock.systemUTC());
        assertTrue(s.isReady());
        assertEquals("100.65.0.101", s.getIpAddress());
        assertEquals("ns-ext-cloud", s.getOvnEIpRef());
        assertEquals("Shared", s.getOwnershipType());
    }

    @Test
    void noAddressYetMeansNotReadyWithAReason() {
        var s = EIpStatusBuilder.adopted(eip(), "ns-ext-cloud", ovnEip(null, false), List.of(), Clock.systemUTC());
        assertFalse(s.isReady());
        assertNull(s.getIpAddress());
        assertEquals(EIpReasons.WAITING_FOR_ADDRESS, Conditions.reason(s.getConditions(), "Ready"));
        assertEquals("Released", s.getOwnershipType());
        var missing = EIpStatusBuilder.adopted(eip(), "ns-ext-cloud", null, List.of(), Clock.systemUTC());
        assertEquals(EIpReasons.WAITING_FOR_OVN_EIP, Conditions.reason(missing.getConditions(), "Ready"));
    }

    @Test
    void ownershipFollowsOwners() {
        assertEquals("Released", EIpStatusBuilder.ownershipType(List.of()));
        assertEquals(
                "Shared",
                EIpStatusBuilder.ownershipType(List.of(new EIpOwner("Snat", "a"), new EIpOwner("ServiceLb", "b"))));
        assertEquals("Exclusive", EIpStatusBuilder.ownershipType(List.of(new EIpOwner("FIp", "f"))));
    }
}
