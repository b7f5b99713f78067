package com.kubedc.net.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a status is written: an outcome at once, a step on the way once the shown status has lagged it for the interval. */
class ProgressPacingTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Duration FIVE = Duration.ofSeconds(5);

    static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void aSettledStatusIsWrittenAtOnceHoweverRecentTheDifference() {
        assertEquals(Duration.ZERO, ProgressPacing.wait(true, at(0), at(1), FIVE));
        assertEquals(Duration.ZERO, ProgressPacing.wait(true, null, at(0), FIVE));
    }

    @Test
    void aStepWaitsUntilTheShownStatusHasDifferedForTheInterval() {
        assertEquals(FIVE, ProgressPacing.wait(false, null, at(1000), FIVE), "a difference seen now");
        assertEquals(Duration.ofMillis(3000), ProgressPacing.wait(false, at(2000), at(4000), FIVE));
        assertEquals(Duration.ZERO, ProgressPacing.wait(false, at(2000), at(7000), FIVE), "due exactly now");
        assertEquals(Duration.ZERO, ProgressPacing.wait(false, at(2000), at(60_000), FIVE));
    }

    @Test
    void aZeroIntervalWritesEveryStep() {
        assertEquals(Duration.ZERO, ProgressPacing.wait(false, at(0), at(1), Duration.ZERO));
    }

    @Test
    void onlyReasonsThatSayWaitingAreStepsOnTheWay() {
        assertTrue(ProgressPacing.inProgress("WaitingForKubeOvn"));
        assertTrue(ProgressPacing.inProgress("WaitingForAddress"));
        assertFalse(ProgressPacing.inProgress("Ready"));
        assertFalse(ProgressPacing.inProgress("NoAddressAvailable"));
        assertFalse(ProgressPacing.inProgress("Deleting"));
        assertFalse(ProgressPacing.inProgress(null), "no condition of ours (cleared) is an outcome");
    }

    @Test
    void stepsThatFollowEachOtherCountFromTheFirstDifferenceNotFromTheLatestStep() {
        ProgressPacing pacing = new ProgressPacing(FIVE);
        assertEquals(FIVE, pacing.wait("u-1", false, at(0)));
        assertEquals(Duration.ofMillis(2000), pacing.wait("u-1", false, at(3000)), "another step, same lag");
        assertEquals(Duration.ZERO, pacing.wait("u-1", false, at(5000)));
        pacing.caughtUp("u-1"); // written
        assertEquals(FIVE, pacing.wait("u-1", false, at(6000)), "the next step waits a whole interval again");
    }

    @Test
    void aStepThatPassesBeforeItIsDueLeavesNothingBehind() {
        ProgressPacing pacing = new ProgressPacing(FIVE);
        pacing.wait("u-1", false, at(0));
        pacing.caughtUp("u-1"); // back to what the object shows (or an outcome written)
        assertEquals(0, pacing.remembered());
        assertEquals(FIVE, pacing.wait("u-1", false, at(4000)), "a later step counts from its own start");
    }

    @Test
    void theMemoryIsPerObjectAndWriter() {
        ProgressPacing pacing = new ProgressPacing(FIVE);
        pacing.wait("lb/u-1", false, at(0));
        assertEquals(Duration.ofMillis(3000), pacing.wait("lb/u-1", false, at(2000)));
        assertEquals(FIVE, pacing.wait("route/u-1", false, at(2000)), "the other writer of the same Service");
        assertEquals(Duration.ZERO, pacing.wait("lb/u-1", true, at(2000)));
    }

    @Test
    void theSweepForgetsOnlyDifferencesManyIntervalsOld() {
        ProgressPacing pacing = new ProgressPacing(FIVE);
        for (int i = 0; i < 1024; i++) {
            pacing.wait("gone/" + i, false, at(0));
        }
        pacing.wait("recent", false, at(55_000));
        pacing.wait("now", false, at(60_000)); // over the first sweep's size: those older than 10 intervals go
        assertEquals(2, pacing.remembered());
        assertEquals(Duration.ZERO, pacing.wait("recent", false, at(60_000)), "still counted from 55 s");
    }

    @Test
    void theReconcileComesBackWhenADeferredStatusIsDueOrSoonerIfItAskedSo() {
        var deferred = new StatusReporter.Result<>(new ConfigMap(), false, List.of(), Duration.ofSeconds(3));
        assertEquals(
                Optional.of(3000L),
                deferred.reschedule(UpdateControl.<ConfigMap>noUpdate()).getScheduleDelay());
        assertEquals(
                Optional.of(1000L),
                deferred.reschedule(UpdateControl.<ConfigMap>noUpdate().rescheduleAfter(1000))
                        .getScheduleDelay());
        assertEquals(
                Optional.of(3000L),
                deferred.reschedule(UpdateControl.<ConfigMap>noUpdate().rescheduleAfter(30_000))
                        .getScheduleDelay());
        var written = new StatusReporter.Result<>(new ConfigMap(), true, List.of(), Duration.ZERO);
        assertEquals(
                Optional.empty(),
                written.reschedule(UpdateControl.<ConfigMap>noUpdate()).getScheduleDelay());
    }
}
