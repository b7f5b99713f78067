package com.kubedc.net.loadbalancer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpOwner;
import com.kubedc.net.api.v1.EIpStatus;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which EIp of a migrated namespace was upstream's own EIp of a LoadBalancer Service. */
class LbAdoptionTest {
    static final Service API = new ServiceBuilder()
            .withNewMetadata()
            .withNamespace("acme-prod")
            .withName("api")
            .withUid("svc-uid")
            .endMetadata()
            .withNewStatus()
            .withNewLoadBalancer()
            .withIngress(new LoadBalancerIngressBuilder().withIp("100.65.0.9").build())
            .endLoadBalancer()
            .endStatus()
            .build();

    static EIp eip(String name, String ip, String ownerUid, List<EIpOwner> owners) {
        EIp e = new EIp();
        e.setMetadata(new ObjectMetaBuilder()
                .withNamespace("acme-prod")
                .withName(name)
                .withLabels(new HashMap<>())
                .build());
        if (ownerUid != null) {
            e.getMetadata()
                    .setOwnerReferences(List.of(new OwnerReferenceBuilder()
                            .withKind("Service")
                            .withName("api")
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
        return LbAdoption.upstreamAutoEIp(API, List.of(eips))
                .map(e -> e.getMetadata().getName());
    }

    @Test
    void upstreamsEIpOwnedByTheServiceIsFound() {
        assertEquals(
                Optional.of("slb-api-x7k2p"),
                pick(
                        eip("default-gw", "100.65.0.2", null, List.of()),
                        eip("slb-api-x7k2p", "100.65.0.9", "svc-uid", null)));
    }

    @Test
    void withoutAnOwnerReferenceItsNameAndItsStatusOwnersMustBothSaySo() {
        var listed = List.of(new EIpOwner(EIpOwner.SERVICE_LB, "api"));
        assertEquals(Optional.of("slb-api-x7k2p"), pick(eip("slb-api-x7k2p", "100.65.0.9", null, listed)));
        assertEquals(Optional.empty(), pick(eip("slb-api-x7k2p", "100.65.0.9", null, null)), "name alone");
        assertEquals(
                Optional.empty(),
                pick(eip("shared", "100.65.0.9", null, listed)),
                "owners alone (a named EIp the Service was bound to)");
        assertEquals(
                Optional.empty(),
                pick(eip("slb-api-gw-x7k2p", "100.65.0.9", null, List.of(new EIpOwner(EIpOwner.SERVICE_LB, "api-gw")))),
                "another Service's (slb-api-gw-…)");
    }

    @Test
    void aNamesakesEIpOrOneAlreadyOwnedIsNotAdopted() {
        assertEquals(Optional.empty(), pick(eip("slb-api-x7k2p", "100.65.0.9", "older-svc", null)));
        EIp ours = eip("slb-api-x7k2p", "100.65.0.9", "svc-uid", null);
        ours.getMetadata()
                .getLabels()
                .putAll(Map.of(Keys.OWNER_KIND, "FIp", Keys.OWNER_NAMESPACE, "acme-prod", Keys.OWNER_NAME, "vm"));
        assertEquals(Optional.empty(), pick(ours));
    }

    @Test
    void theOneHoldingTheServicesAddressWins() {
        assertEquals(
                Optional.of("slb-api-zzzzz"),
                pick(
                        eip("slb-api-aaaaa", "100.65.0.8", "svc-uid", null),
                        eip("slb-api-zzzzz", "100.65.0.9", "svc-uid", null)));
    }
}
