package com.kubedc.net.common;

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
        var first = new Conditions(List.of(), 1L, T0).set("Ready", false, "Waiting", "a").build();
        var sameStatus = new Conditions(first, 2L, T1).set("Ready", false, "StillWaiting", "b").build();
        assertEquals("2026-01-01T00:00:00Z", sameStatus.get(0).getLastTransitionTime());
        assertEquals(2L, sameStatus.get(0).getObservedGeneration());
        var flipped = new Conditions(sameStatus, 2L, T1).set("Ready", true, "Ready", "ok").build();
        assertEquals("2026-01-01T01:00:00Z", flipped.get(0).getLastTransitionTime());
    }

    @Test
    void conditionsAreSortedByTypeSoEqualInputsGiveEqualLists() {
        var c = new Conditions(List.of(), 1L, T0).set("Ready", true, "R", "").set("A", true, "R", "").build();
        assertEquals(List.of("A", "Ready"), c.stream().map(x -> x.getType()).toList());
    }
}
