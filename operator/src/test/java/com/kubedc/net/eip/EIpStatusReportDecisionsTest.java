package com.kubedc.net.eip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpOwner;
import com.kubedc.net.api.v1.EIpStatus;
import com.kubedc.net.common.Events;
import com.kubedc.net.common.Refusals;
import com.kubedc.net.common.StatusChange;
import com.kubedc.net.common.StatusNote;
import com.kubedc.net.vocabulary.Conditions;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status reporter's decisions for an EIp: write only a difference, speak only on a new reason, the ready time once per becoming Ready. */
class EIpStatusReportDecisionsTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Clock AT_T0 = Clock.fixed(T0, ZoneOffset.UTC);
    static final Clock LATER = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);

    static EIp eip(EIpStatus status) {
        EIp e = new EIp();
        e.setMetadata(new ObjectMetaBuilder()
                .withNamespace("ns")
                .withName("e")
                .withUid("u-1")
                .withGeneration(1L)
                .withResourceVersion("7")
                .build());
        e.setStatus(status);
        return e;
    }

    static EIpStatus status(EIp on, String reason, List<EIpOwner> owners, Clock clock) {
        return EIpStatusBuilder.allocated(on, null, reason, reason + " message", owners, clock);
    }

    static StatusChange<EIp, EIpStatus> change(EIp actual, EIpStatus next) {
        return StatusChange.of(EIpStatusSpec.of(actual, next, LATER), actual);
    }

    @Test
    void aStatusThatIsAlreadyThereIsNeitherWrittenNorAnnounced() {
        EIp e = eip(null);
        e.setStatus(status(e, EIpReasons.NO_ADDRESS_AVAILABLE, List.of(), AT_T0));
        var c = change(e, status(e, EIpReasons.NO_ADDRESS_AVAILABLE, List.of(), LATER));
        assertFalse(c.writes());
        assertEquals(List.of(), c.notes());
        assertFalse(c.becameReady());
    }

    @Test
    void aNewRefusalReasonIsOneWarningAndTheSameReasonWithOtherFieldsIsNone() {
        EIp waiting = eip(null);
        waiting.setStatus(status(waiting, EIpReasons.WAITING_FOR_NAMESPACE, List.of(), AT_T0));
        var refused = change(waiting, status(waiting, EIpReasons.NO_ADDRESS_AVAILABLE, List.of(), LATER));
        assertTrue(refused.writes());
        assertEquals(
                List.of(StatusNote.refusal(
                        Refusals.EIP, EIpReasons.NO_ADDRESS_AVAILABLE, EIpReasons.NO_ADDRESS_AVAILABLE + " message")),
                refused.notes());

        EIp already = eip(refused.after());
        var ownersOnly = change(
                already,
                status(already, EIpReasons.NO_ADDRESS_AVAILABLE, List.of(new EIpOwner(EIpOwner.SNAT, "s")), LATER));
        assertTrue(ownersOnly.writes(), "the owners changed");
        assertEquals(List.of(), ownersOnly.notes(), "the reason did not");
    }

    @Test
    void waitingIsNotARefusal() {
        EIp e = eip(null);
        assertEquals(
                List.of(),
                change(e, status(e, EIpReasons.WAITING_FOR_NAMESPACE, List.of(), AT_T0))
                        .notes());
    }

    @Test
    void theReadyTimeIsForTheWriteThatMakesItReadyNotForOneThatKeepsItReady() {
        EIp e = eip(null);
        e.setStatus(status(e, EIpReasons.WAITING_FOR_NAMESPACE, List.of(), AT_T0));
        EIpStatus ready = readyStatus(e, List.of());
        var becoming = change(e, ready);
        assertTrue(becoming.becameReady());

        EIp isReady = eip(ready);
        var moreOwners = change(isReady, readyStatus(isReady, List.of(new EIpOwner(EIpOwner.SERVICE_LB, "web"))));
        assertTrue(moreOwners.writes());
        assertFalse(moreOwners.becameReady(), "already Ready before this write");
        assertFalse(change(isReady, readyStatus(isReady, List.of())).becameReady(), "nothing to write");
    }

    @Test
    void aStatusComputedOnAStaleReadIsRebuiltOnTheFreshOneKeepingItsTransitionTimes() {
        EIp stale = eip(null);
        EIp fresh = eip(null);
        fresh.getMetadata().setResourceVersion("8");
        fresh.setStatus(
                status(fresh, EIpReasons.NO_ADDRESS_AVAILABLE, List.of(new EIpOwner(EIpOwner.SNAT, "other")), AT_T0));
        EIpStatus next =
                status(stale, EIpReasons.NO_ADDRESS_AVAILABLE, List.of(new EIpOwner(EIpOwner.SNAT, "mine")), LATER);
        EIpStatus rebuilt = EIpStatusSpec.of(stale, next, LATER).desired(fresh);
        assertEquals(
                T0.toString(),
                Conditions.find(rebuilt.getConditions(), Conditions.READY)
                        .orElseThrow()
                        .getLastTransitionTime(),
                "the reason held on the fresh version since T0");
        assertEquals(
                List.of(new EIpOwner(EIpOwner.SNAT, "mine")),
                rebuilt.getOwners(),
                "owners are what this reconcile found, whole");
        assertEquals(
                List.of(),
                StatusChange.of(EIpStatusSpec.of(stale, next, LATER), fresh).notes(),
                "the fresh version already says it");
    }

    @Test
    void whatHoldsTheDeletionIsSaidWhenItChanges() {
        EIp e = eip(null);
        e.setStatus(status(e, EIpReasons.READY, List.of(), AT_T0));
        var held =
                StatusChange.of(new EIpStatusSpec(x -> EIpReconciler.inUse(x, "deletion waits until FIp f", LATER)), e);
        assertEquals(
                List.of(new StatusNote(Events.WARNING, EIpReasons.IN_USE, "deletion waits until FIp f", null)),
                held.notes());
        EIp heldAlready = eip(held.after());
        var again = StatusChange.of(
                new EIpStatusSpec(x -> EIpReconciler.inUse(x, "deletion waits until FIp f", LATER)), heldAlready);
        assertFalse(again.writes());
    }

    @Test
    void upstreamsDeleteReleasedIsNeitherComparedNorWritten() {
        EIp e = eip(null);
        EIpStatus mine = status(e, EIpReasons.NO_ADDRESS_AVAILABLE, List.of(), AT_T0);
        EIpStatus withUpstreams = Serialization.clone(mine);
        withUpstreams.setDeleteReleased(true);
        e.setStatus(withUpstreams);
        assertFalse(change(e, mine).writes());
        var spec = EIpStatusSpec.of(e, status(e, EIpReasons.INVALID_NETWORK_TYPE, List.of(), LATER), LATER);
        assertFalse(spec.fields(e, spec.desired(e)).has("deleteReleased"));
    }

    static EIpStatus readyStatus(EIp on, List<EIpOwner> owners) {
        EIpStatus s = Serialization.clone(status(on, EIpReasons.READY, owners, LATER));
        s.setIpAddress("203.0.113.9");
        s.setReady(true);
        s.setConditions(
                new Conditions(on.getStatus() == null ? null : on.getStatus().getConditions(), 1L, LATER)
                        .set(Conditions.READY, true, EIpReasons.READY, "address 203.0.113.9")
                        .build());
        return s;
    }
}
