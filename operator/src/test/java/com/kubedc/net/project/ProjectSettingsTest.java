package com.kubedc.net.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectSettingsTest {
    @Test
    void anInvalidGlobalAllowlistEntryIsRejectedWithItsKey() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> ProjectSettings.check("kube-dc.egress-global-allowlist", List.of("1.2.3.4", "nope")));
        assertEquals("kube-dc.egress-global-allowlist: entry \"nope\" is not an IPv4 address or CIDR", e.getMessage());
    }

    @Test
    void validEntriesPass() {
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(
                () -> ProjectSettings.check("k", List.of("1.2.3.4", "10.0.0.0/8")));
    }
}
