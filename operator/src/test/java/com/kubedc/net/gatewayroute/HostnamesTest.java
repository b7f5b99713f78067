package com.kubedc.net.gatewayroute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostnamesTest {
    @Test
    void validDnsNamesPassAndEachKindOfBrokenNameIsExplained() {
        assertTrue(Hostnames.problem("my-app-acme-production.kube-dc.cloud").isEmpty());
        assertTrue(Hostnames.problem("a".repeat(63) + ".example.com").isEmpty());
        assertTrue(Hostnames.problem("a".repeat(64) + ".example.com").get().contains("longer than 63"));
        assertTrue(Hostnames.problem("-a.example.com").get().contains("not a DNS label"));
        assertTrue(Hostnames.problem("a..example.com").isPresent());
        assertTrue(Hostnames.problem(("a".repeat(60) + ".").repeat(5) + "com")
                .get()
                .contains("253"));
        assertFalse(
                Hostnames.problem("UPPER.example.com").isEmpty(),
                "hostnames are compared lower-case; callers lower them first");
    }

    @Test
    void theOldestClaimOwnsAHostnameWhateverTheOrderTheyAreSeenIn() {
        var a = new Hostnames.Claim("tenant-a", "web", "2026-11-01T10:00:00Z", false);
        var b = new Hostnames.Claim("tenant-b", "web", "2026-11-02T10:00:00Z", false);
        var c = new Hostnames.Claim("tenant-c", "web", "2026-11-01T10:00:00Z", false);
        List<Hostnames.Claim> claims = new ArrayList<>(List.of(b, c, a));
        assertEquals(a, Hostnames.owner(claims), "same second: namespace order decides, deterministically");
        java.util.Collections.reverse(claims);
        assertEquals(a, Hostnames.owner(claims));
        assertEquals(b, Hostnames.owner(List.of(b)));
    }

    @Test
    void aServiceHoldingAHostnameKeepsItAgainstAnOlderServiceThatAsksLater() {
        var older = new Hostnames.Claim("tenant-a", "web", "2026-11-01T10:00:00Z", false);
        var holder = new Hostnames.Claim("tenant-b", "web", "2026-11-02T10:00:00Z", true);
        assertEquals(holder, Hostnames.owner(List.of(older, holder)));
    }

    @Test
    void aFullGatewayRefusesANewListenerButKeepsExistingOnes() {
        List<String> full = new ArrayList<>();
        for (int i = 0; i < ListenerBudget.MAX_LISTENERS; i++) {
            full.add("l" + i);
        }
        assertFalse(ListenerBudget.admits(full, "https-new-ns"));
        assertTrue(ListenerBudget.admits(full, "l7"), "a listener already there is not a new claim");
        full.remove(0);
        assertTrue(ListenerBudget.admits(full, "https-new-ns"));
    }
}
