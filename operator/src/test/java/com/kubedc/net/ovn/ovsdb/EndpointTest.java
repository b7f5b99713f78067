package com.kubedc.net.ovn.ovsdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointTest {
    @Test
    void aClusteredEndpointListIsParsedInOrder() {
        assertEquals(
                List.of(new Endpoint("10.0.0.1", 6641), new Endpoint("10.0.0.2", 6641)),
                Endpoint.parse("tcp:10.0.0.1:6641, tcp:10.0.0.2:6641"));
        assertEquals(List.of(new Endpoint("127.0.0.1", 1)), Endpoint.parse("127.0.0.1:1"));
    }

    @Test
    void bareAddressesAndOtherTransportsAreRefusedWithTheExpectedForm() {
        for (String bad : List.of(
                "",
                "10.0.0.1",
                "tcp:10.0.0.1",
                "tcp:10.0.0.1:x",
                "tcp:10.0.0.1:70000",
                "ssl:10.0.0.1:6641",
                "unix:/run/nb.sock")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(bad), bad);
            assertTrue(e.getMessage().contains("tcp:"), e.getMessage());
        }
    }
}
