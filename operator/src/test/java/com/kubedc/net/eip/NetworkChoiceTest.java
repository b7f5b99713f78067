package com.kubedc.net.eip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kubedc.net.api.v1.NetworkType;
import com.kubedc.net.network.ExternalNetwork;
import com.kubedc.net.network.ExternalNetworks;
import com.kubedc.net.support.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkChoiceTest {
    static final ExternalNetworks NETS = ExternalNetworks.from(List.of(
            Fixtures.extCloud(),
            Fixtures.extPublic(),
            Fixtures.externalSubnet("ext-public-2", "public", "192.0.2.0/24", "192.0.2.1", false, List.of())));

    static String choose(NetworkType t, Map<String, Long> free, List<String> attached) {
        return NetworkChoice.choose(t, NETS, free, attached)
                .map(ExternalNetwork::name)
                .orElse("none");
    }

    @Test
    void theDefaultNetworkComesFirstWhenItHasTheTypeAndFreeAddresses() {
        assertEquals("ext-cloud", choose(NetworkType.CLOUD, Map.of("ext-cloud", 10L), List.of()));
    }

    @Test
    void aNetworkAlreadyOnTheVpcBeatsOneWithMoreFreeAddresses() {
        assertEquals(
                "ext-public",
                choose(NetworkType.PUBLIC, Map.of("ext-public", 2L, "ext-public-2", 200L), List.of("ext-public")));
    }

    @Test
    void otherwiseTheNetworkWithMostFreeAddresses() {
        assertEquals(
                "ext-public-2", choose(NetworkType.PUBLIC, Map.of("ext-public", 2L, "ext-public-2", 200L), List.of()));
        assertEquals(
                "ext-public",
                choose(NetworkType.PUBLIC, Map.of("ext-public", 2L, "ext-public-2", 0L), List.of("ext-public-2")));
    }

    @Test
    void noFreeAddressAnywhereIsNoChoice() {
        assertEquals("none", choose(NetworkType.PUBLIC, Map.of("ext-public", 0L, "ext-public-2", 0L), List.of()));
        assertEquals(
                "ext-public",
                choose(NetworkType.PUBLIC, Map.of("ext-public-2", 0L), List.of()),
                "unknown usage: maybe free, tried last");
    }
}
