package com.kubedc.net.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.network.ExternalNetworks;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.thirdparty.kubeovn.Vpc.PolicyRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyRoutesTest {
    static final ExternalNetworks NETS = ExternalNetworks.from(List.of(Fixtures.extCloud(), Fixtures.extPublic()));

    static List<PolicyRoute> routes(
            boolean egress, boolean ingress, List<String> egressAllow, List<String> ingressAllow) {
        return PolicyRoutes.build(
                new PolicyRoutes.Inputs(egress, ingress, NETS.all(), egressAllow, ingressAllow, List.of()));
    }

    @Test
    void egressIsolationDropsNewConnectionsToEveryExternalNetworkExceptItsGateway() {
        List<PolicyRoute> r = routes(true, false, List.of(), List.of());
        assertEquals(
                List.of(
                        new PolicyRoute(
                                29000, "ip4.dst == 100.65.0.0/16 && ip4.dst != 100.65.0.1 && ct.new", "drop", null),
                        new PolicyRoute(
                                29000,
                                "ip4.dst == 168.119.17.48/28 && ip4.dst != 168.119.17.49 && ct.new",
                                "drop",
                                null)),
                r);
    }

    @Test
    void egressAllowlistIsDeduplicatedCanonicalAndAt29500() {
        List<PolicyRoute> r = routes(
                true, false, List.of("100.65.0.101", "10.1.2.3/16", "100.65.0.101", " 100.65.0.101/32"), List.of());
        assertEquals(new PolicyRoute(29500, "ip4.dst == 10.1.0.0/16", "allow", null), r.get(0));
        assertEquals(new PolicyRoute(29500, "ip4.dst == 100.65.0.101", "allow", null), r.get(1));
        assertEquals(4, r.size());
    }

    @Test
    void ingressIsolationAddsDropsAt31500AndAllowsAt32000() {
        List<PolicyRoute> r = routes(false, true, List.of(), List.of("192.0.2.10"));
        assertEquals(
                List.of(
                        new PolicyRoute(32000, "ip4.src == 192.0.2.10", "allow", null),
                        new PolicyRoute(31500, "ip4.src == 100.65.0.0/16 && ip4.src != 100.65.0.1", "drop", null),
                        new PolicyRoute(
                                31500, "ip4.src == 168.119.17.48/28 && ip4.src != 168.119.17.49", "drop", null)),
                r);
    }

    @Test
    void disablingBothIsolationsLeavesNoRules() {
        assertTrue(routes(false, false, List.of("1.2.3.4"), List.of("5.6.7.8")).isEmpty());
    }

    @Test
    void routesAreOrderedByPriorityThenMatchSoEqualInputsGiveEqualLists() {
        List<PolicyRoute> a = routes(true, true, List.of("9.9.9.9", "1.1.1.1"), List.of("8.8.8.8"));
        List<PolicyRoute> b = routes(true, true, List.of("1.1.1.1", "9.9.9.9"), List.of("8.8.8.8"));
        assertEquals(a, b);
        for (int i = 1; i < a.size(); i++) {
            assertTrue(a.get(i - 1).priority() >= a.get(i).priority());
        }
        assertTrue(a.stream().noneMatch(x -> x.priority() == 31000), "never duplicates Kube-OVN's own 31000 rule");
    }
}
