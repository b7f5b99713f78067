package com.kubedc.net.fip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpOwner;
import com.kubedc.net.api.v1.EIpStatus;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.api.v1.FIpStatus;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which EIp of a migrated namespace was upstream's own EIp of an FIp, and how the FIp names it afterwards. */
class FIpAdoptionTest {
    static FIp db() {
        FIp f = new FIp();
        f.setMetadata(new ObjectMetaBuilder()
                .withNamespace("acme-prod")
                .withName("db")
                .withUid("fip-uid")
                .build());
        FIpStatus s = new FIpStatus();
        s.setExternalIP("100.65.0.9");
        f.setStatus(s);
        return f;
    }

    static EIp eip(String name, String ip, String ownerUid, List<EIpOwner> owners) {
        EIp e = new EIp();
        e.setMetadata(new ObjectMetaBuilder()
                .withNamespace("acme-prod")
                .withName(name)
                .build());
        if (ownerUid != null) {
            e.getMetadata()
                    .setOwnerReferences(List.of(new OwnerReferenceBuilder()
                            .withKind("FIp")
                            .withName("db")
                            .withUid(ownerUid)
                            .build()));
        }
        EIpStatus s = new EIpStatus();
        s.setIpAddress(ip);
        s.setOwners(owners);
        e.setStatus(s);
        return e;
    }

    static Optional<String> pick(EIp... eips) {
        return FIpAdoption.upstreamAutoEIp(db(), List.of(eips))
                .map(e -> e.getMetadata().getName());
    }

    @Test
    void upstreamsEIpIsKnownByItsOwnerReferenceOrByNameAndStatusOwnersTogether() {
        var listed = List.of(new EIpOwner(EIpOwner.FIP, "db"));
        assertEquals(Optional.of("fip-db-q8w3e"), pick(eip("fip-db-q8w3e", "100.65.0.9", "fip-uid", null)));
        assertEquals(Optional.of("fip-db-q8w3e"), pick(eip("fip-db-q8w3e", "100.65.0.9", null, listed)));
        assertEquals(Optional.empty(), pick(eip("fip-db-q8w3e", "100.65.0.9", null, null)), "name alone");
        assertEquals(
                Optional.empty(),
                pick(eip("public-ip", "100.65.0.9", null, listed)),
                "a named EIp the FIp used (spec.eip)");
        assertEquals(Optional.empty(), pick(eip("fip-db-q8w3e", "100.65.0.9", "older-fip", null)), "a namesake's");
    }

    @Test
    void theOneHoldingTheFIpsAddressWins() {
        assertEquals(
                Optional.of("fip-db-zzzzz"),
                pick(
                        eip("fip-db-aaaaa", "100.65.0.8", "fip-uid", null),
                        eip("fip-db-zzzzz", "100.65.0.9", "fip-uid", null)));
    }

    @Test
    void anAdoptedEIpIsTheFIpsOwnFromThenOn() {
        FIp f = db();
        assertEquals("fip-db", FIpDesired.autoEIpName(f));
        f.getMetadata().setAnnotations(Map.of(Keys.ADOPTED_EIP, "fip-db-q8w3e"));
        assertEquals("fip-db-q8w3e", FIpDesired.autoEIpName(f));
        assertEquals("fip-db-q8w3e", FIpSources.eipName(f));
    }
}
