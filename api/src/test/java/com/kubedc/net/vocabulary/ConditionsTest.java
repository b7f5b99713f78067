package com.kubedc.net.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
    static final Clock T0 = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final Clock T1 = Clock.fixed(Instant.parse("2026-01-01T01:00:00Z"), ZoneOffset.UTC);

    @Test
    void lastTransitionTimeMovesOnlyWhenTheStatusChanges() {
        var first = new Conditions(List.of(), 1L, T0)
                .set("Ready", false, "Waiting", "a")
                .build();
        var sameStatus = new Conditions(first, 2L, T1)
                .set("Ready", false, "StillWaiting", "b")
                .build();
        assertEquals("2026-01-01T00:00:00Z", sameStatus.get(0).getLastTransitionTime());
        assertEquals(2L, sameStatus.get(0).getObservedGeneration());
        var flipped = new Conditions(sameStatus, 2L, T1)
                .set("Ready", true, "Ready", "ok")
                .build();
        assertEquals("2026-01-01T01:00:00Z", flipped.get(0).getLastTransitionTime());
    }

    @Test
    void conditionsAreSortedByTypeSoEqualInputsGiveEqualLists() {
        var c = new Conditions(List.of(), 1L, T0)
                .set("Ready", true, "R", "")
                .set("A", true, "R", "")
                .build();
        assertEquals(List.of("A", "Ready"), c.stream().map(x -> x.getType()).toList());
    }

    @Test
    void aConditionReplacedInAListSharedWithAnotherWriterKeepsEveryPlace() {
        var lb = new Conditions(List.of(), 1L, T0)
                .set("kube-dc.com/LoadBalancerReady", true, "Programmed", "")
                .build()
                .get(0);
        var route = new Conditions(List.of(), 1L, T0)
                .set("kube-dc.com/RouteReady", false, "WaitingForRoute", "")
                .build()
                .get(0);
        var routeNow = new Conditions(List.of(route), 1L, T1)
                .set("kube-dc.com/RouteReady", true, "RouteUsable", "")
                .build()
                .get(0);
        List<io.fabric8.kubernetes.api.model.Condition> shared = List.of(route, lb);
        assertEquals(
                List.of(routeNow, lb),
                Conditions.replace(shared, "kube-dc.com/RouteReady", routeNow),
                "in place, not moved behind the other");
        assertEquals(List.of(lb), Conditions.replace(shared, "kube-dc.com/RouteReady", null));
        assertEquals(
                List.of(lb, route),
                Conditions.replace(List.of(lb), "kube-dc.com/RouteReady", route),
                "a new one goes last");
    }
}
