package com.kubedc.net.loadbalancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.support.Services;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The autodelete decision (endpoints + annotation + since when + now → keep, wait until, delete) and the condition that remembers since when. */
class AutoDeleteTest {
    static final Duration GRACE = Duration.ofMinutes(10);
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "not asked, no endpoints: nothing happens",
                        false,
                        false,
                        T0,
                        T0.plus(Duration.ofHours(5)),
                        new AutoDelete.Off()),
                Arguments.of(
                        "asked, ready endpoints: kept however long ago they went missing",
                        true,
                        true,
                        T0,
                        T0.plus(Duration.ofHours(5)),
                        new AutoDelete.Keep()),
                Arguments.of(
                        "asked, no endpoints, first look: the clock starts now",
                        true,
                        false,
                        null,
                        T0,
                        new AutoDelete.Wait(T0, T0.plus(GRACE))),
                Arguments.of(
                        "asked, no endpoints, within the grace: wait until its end",
                        true,
                        false,
                        T0,
                        T0.plus(Duration.ofMinutes(9)),
                        new AutoDelete.Wait(T0, T0.plus(GRACE))),
                Arguments.of(
                        "asked, no endpoints, exactly the grace: delete",
                        true,
                        false,
                        T0,
                        T0.plus(GRACE),
                        new AutoDelete.Delete(T0)),
                Arguments.of(
                        "asked, no endpoints, past the grace: delete",
                        true,
                        false,
                        T0,
                        T0.plus(Duration.ofHours(1)),
                        new AutoDelete.Delete(T0)),
                Arguments.of(
                        "a since in the future (skewed clock) counts from now",
                        true,
                        false,
                        T0.plus(Duration.ofHours(1)),
                        T0,
                        new AutoDelete.Wait(T0, T0.plus(GRACE))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, boolean asked, boolean ready, Instant since, Instant now, AutoDelete.Decision expected) {
        assertEquals(expected, AutoDelete.decide(asked, ready, since, now, GRACE));
    }

    static Service asking(String value) {
        return Services.loadBalancer("p-one", "web", Map.of(Keys.AUTODELETE, value), "http:80>80");
    }

    static EndpointSlice notReady() {
        EndpointSlice sl = Services.slice("p-one", "web", List.of("10.0.0.5"), "http=80");
        sl.getEndpoints().get(0).getConditions().setReady(false);
        return sl;
    }

    @Test
    void theAnnotationMustSayTrueAndOnlyReadyEndpointsCount() {
        Instant now = T0;
        assertEquals(new AutoDelete.Off(), AutoDelete.decide(asking("false"), List.of(), now, GRACE));
        assertEquals(
                new AutoDelete.Off(),
                AutoDelete.decide(
                        Services.loadBalancer("p-one", "web", Map.of(), "http:80>80"), List.of(), now, GRACE));
        assertEquals(
                new AutoDelete.Wait(now, now.plus(GRACE)),
                AutoDelete.decide(asking("true"), List.of(notReady()), now, GRACE));
        assertEquals(
                new AutoDelete.Keep(),
                AutoDelete.decide(
                        asking(" True "),
                        List.of(notReady(), Services.slice("p-one", "web", List.of("10.0.0.6"), "http=80")),
                        now,
                        GRACE));
        EndpointSlice v6 = Services.slice("p-one", "web", List.of("fd00::6"), "http=80");
        v6.setAddressType("IPv6");
        assertEquals(
                new AutoDelete.Keep(),
                AutoDelete.decide(asking("true"), List.of(v6), now, GRACE),
                "an IPv6 endpoint serves too");
    }

    @Test
    void sinceWhenSurvivesInTheConditionAndMovesOnlyWhenEndpointsComeOrGo() {
        Service s = asking("true");
        Clock first = Clock.fixed(T0, ZoneOffset.UTC);
        s.setStatus(LbStatus.next(
                s,
                LbOutcome.not(LbReasons.WAITING_FOR_EIP, "waiting"),
                AutoDelete.decide(s, List.of(), T0, GRACE),
                first));
        Condition c = Conditions.find(s.getStatus().getConditions(), AutoDelete.CONDITION)
                .orElseThrow();
        assertEquals(Conditions.TRUE, c.getStatus());
        assertEquals(AutoDelete.NO_READY_ENDPOINTS, c.getReason());
        assertEquals(T0.toString(), c.getLastTransitionTime());
        assertEquals(T0, AutoDelete.since(s));

        // a later reconcile (a restart, another event) finds the same since, so the deadline does not move
        Instant later = T0.plus(Duration.ofMinutes(4));
        AutoDelete.Decision d = AutoDelete.decide(s, List.of(), later, GRACE);
        assertEquals(new AutoDelete.Wait(T0, T0.plus(GRACE)), d);
        s.setStatus(LbStatus.next(
                s, LbOutcome.not(LbReasons.WAITING_FOR_EIP, "waiting"), d, Clock.fixed(later, ZoneOffset.UTC)));
        assertEquals(T0, AutoDelete.since(s));

        // endpoints came: False, and the next time they go the clock starts again
        Instant ready = T0.plus(Duration.ofMinutes(5));
        d = AutoDelete.decide(s, List.of(Services.slice("p-one", "web", List.of("10.0.0.6"), "http=80")), ready, GRACE);
        s.setStatus(LbStatus.next(
                s, LbOutcome.not(LbReasons.WAITING_FOR_EIP, "waiting"), d, Clock.fixed(ready, ZoneOffset.UTC)));
        assertEquals(
                AutoDelete.HAS_READY_ENDPOINTS, Conditions.reason(s.getStatus().getConditions(), AutoDelete.CONDITION));
        assertNull(AutoDelete.since(s));
        Instant gone = T0.plus(Duration.ofMinutes(20));
        assertEquals(new AutoDelete.Wait(gone, gone.plus(GRACE)), AutoDelete.decide(s, List.of(), gone, GRACE));
    }

    @Test
    void theConditionShowsTheDecisionsSinceEvenWhenWrittenALittleLaterSoTheNextReconcileWritesNothing() {
        Service s = asking("true");
        LbOutcome waiting = LbOutcome.not(LbReasons.WAITING_FOR_EIP, "waiting");
        AutoDelete.Decision d = AutoDelete.decide(s, List.of(), T0, GRACE);
        s.setStatus(LbStatus.next(s, waiting, d, Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC)));
        assertEquals(
                T0.toString(),
                Conditions.find(s.getStatus().getConditions(), AutoDelete.CONDITION)
                        .orElseThrow()
                        .getLastTransitionTime());
        Instant later = T0.plusSeconds(3);
        var again = LbStatus.next(
                s, waiting, AutoDelete.decide(s, List.of(), later, GRACE), Clock.fixed(later, ZoneOffset.UTC));
        assertFalse(
                com.kubedc.net.common.StatusChange.of(new LbStatusSpec(x -> again, true), s)
                        .writes(),
                "unchanged: " + again.getConditions());
    }

    @Test
    void clearingOurStatusAlsoDropsTheAutodeleteConditionAndKeepsOthers() {
        Service s = asking("true");
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        s.setStatus(LbStatus.next(
                s,
                LbOutcome.not(LbReasons.WAITING_FOR_EIP, "waiting"),
                AutoDelete.decide(s, List.of(), T0, GRACE),
                clock));
        Condition other = new Condition();
        other.setType("kube-dc.com/RouteReady");
        other.setStatus("True");
        s.getStatus().getConditions().add(0, other);
        var cleared = LbStatus.next(s, null, null, clock);
        assertEquals(
                List.of("kube-dc.com/RouteReady"),
                cleared.getConditions().stream().map(Condition::getType).toList());
        assertTrue(cleared.getLoadBalancer().getIngress().isEmpty());
        assertFalse(
                Conditions.find(
                                LbStatus.next(
                                                s,
                                                LbOutcome.not(LbReasons.WAITING_FOR_EIP, "waiting"),
                                                new AutoDelete.Off(),
                                                clock)
                                        .getConditions(),
                                AutoDelete.CONDITION)
                        .isPresent(),
                "annotation removed: the condition goes");
    }
}
