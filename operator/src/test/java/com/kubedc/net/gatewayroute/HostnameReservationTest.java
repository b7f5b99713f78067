package com.kubedc.net.gatewayroute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated hostnames {@code <svc>-<ns>.<base>} are reserved for their namespace: which chosen
 * hostnames a namespace may not take, including the ambiguous splits of labels with dashes.
 */
class HostnameReservationTest {
    static final String BASE = "kube-dc.cloud";

    static Stream<Arguments> cases() {
        return Stream.of(
                // hostname, the namespace choosing it, the namespace it is reserved for (null: allowed)
                Arguments.of("web-b.kube-dc.cloud", "a", "b"),
                Arguments.of("web-acme-prod.kube-dc.cloud", "evil-prod", "acme-prod"),
                Arguments.of("web-acme-prod.kube-dc.cloud", "acme-prod", null),
                Arguments.of("anything-at-all-acme-prod.kube-dc.cloud", "acme-prod", null),
                Arguments.of("WEB-B.Kube-DC.Cloud", "a", "b"),
                // a-b-c: svc a in ns b-c, or svc a-b in ns c; a third party may take neither
                Arguments.of("a-b-c.kube-dc.cloud", "x", "b-c"),
                Arguments.of("a-b-c.kube-dc.cloud", "c", null),
                Arguments.of("a-b-c.kube-dc.cloud", "b-c", null),
                Arguments.of("a-b-c.kube-dc.cloud", "a-b-c", "b-c"),
                // a namespace on the left of a split is not the owner: b is a Service name in a-b, not a namespace
                Arguments.of("a-b-c.kube-dc.cloud", "a-b", "b-c"),
                // no dash, or no valid split: never generated
                Arguments.of("shop.kube-dc.cloud", "a", null),
                Arguments.of("1-b.kube-dc.cloud", "a", null),
                Arguments.of("-b.kube-dc.cloud", "a", null),
                Arguments.of("b-.kube-dc.cloud", "a", null),
                Arguments.of("9web-b.kube-dc.cloud", "a", null),
                Arguments.of("w9-b.kube-dc.cloud", "a", "b"),
                Arguments.of("web-1.kube-dc.cloud", "a", "1"),
                // more than one label above the base, the base itself, or elsewhere: never generated
                Arguments.of("web-b.shop.kube-dc.cloud", "a", null),
                Arguments.of("kube-dc.cloud", "a", null),
                Arguments.of("web-b.example.com", "a", null),
                Arguments.of("web-b.notkube-dc.cloud", "a", null),
                Arguments.of("web-b.kube-dc.cloud.example.com", "a", null));
    }

    @ParameterizedTest(name = "{0} chosen in {1} → reserved for {2}")
    @MethodSource("cases")
    void aChosenHostnameIsRefusedWhenItIsAnotherNamespacesGeneratedName(
            String host, String namespace, String reservedFor) {
        assertEquals(Optional.ofNullable(reservedFor), Hostnames.reservedForAnother(host, namespace, BASE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aGeneratedNameIsNeverReservedAgainstItsOwnNamespace(String host, String namespace, String reservedFor) {
        for (Hostnames.Origin o : Hostnames.generatedOrigins(host, BASE)) {
            assertEquals(host.toLowerCase(), Hostnames.generated(o.service(), o.namespace(), BASE));
            assertEquals(Optional.empty(), Hostnames.reservedForAnother(host, o.namespace(), BASE));
        }
    }

    @org.junit.jupiter.api.Test
    void everySplitOfALabelWithDashesIsAnOrigin() {
        assertEquals(
                List.of(new Hostnames.Origin("a", "b-c"), new Hostnames.Origin("a-b", "c")),
                Hostnames.generatedOrigins("a-b-c.kube-dc.cloud", BASE));
        assertEquals(List.of(), Hostnames.generatedOrigins("abc.kube-dc.cloud", BASE));
    }
}
