package com.kubedc.net.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.support.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class CidrTest {
    @Test
    void networkCidrsParseStrictly() {
        assertTrue(Cidr.parseNetwork("10.0.0.0/24").isPresent());
        assertFalse(Cidr.parseNetwork("10.0.0.1/24").isPresent());
        assertFalse(Cidr.parseNetwork("10.0.0/24").isPresent());
        assertFalse(Cidr.parseNetwork("10.0.0.0/33").isPresent());
        assertFalse(Cidr.parseNetwork("010.0.0.0/24").isPresent());
        assertFalse(Cidr.parseNetwork("256.0.0.0/8").isPresent());
        assertFalse(Cidr.parseNetwork(null).isPresent());
    }

    @Test
    void overlapAndFirstHost() {
        Cidr a = Cidr.parseNetwork("100.65.0.0/16").orElseThrow();
        assertTrue(a.overlaps(Cidr.parseNetwork("100.65.200.0/24").orElseThrow()));
        assertTrue(Cidr.parseNetwork("100.0.0.0/8").orElseThrow().overlaps(a));
        assertFalse(a.overlaps(Cidr.parseNetwork("100.66.0.0/16").orElseThrow()));
        assertEquals("100.65.0.1", a.firstHost());
        assertEquals(65536, a.size());
    }

    @Test
    void externalNetworksComeFromLabelledSubnetsAndTheDefaultIsLabelled() {
        var nets = ExternalNetworks.from(List.of(Fixtures.extPublic(), Fixtures.extCloud()));
        assertEquals(
                List.of("ext-cloud", "ext-public"),
                nets.all().stream().map(ExternalNetwork::name).toList());
        assertEquals("ext-cloud", nets.defaultNetwork().orElseThrow().name());
        assertEquals("168.119.17.49", nets.byName("ext-public").orElseThrow().gateway());
        var unlabelled = Fixtures.extPublic();
        unlabelled.getMetadata().getLabels().clear();
        assertEquals(
                1,
                ExternalNetworks.from(List.of(Fixtures.extCloud(), unlabelled))
                        .all()
                        .size());
    }
}
