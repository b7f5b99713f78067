package com.kubedc.net.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** What a replica does when the elector reports the end of its leadership: pure, the exit recorded instead of made. */
class LeadershipLossTest {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<Integer> exits = new ArrayList<>();
    final LeadershipLoss loss = new LeadershipLoss(registry, exits::add);
    final LeadershipReadiness readiness = new LeadershipReadiness(loss);

    @Test
    void aLeaderThatLosesItsLeaseGoesUnreadyAndExitsOnceWithTheLeaseLossCode() {
        loss.startedLeading();
        assertEquals(1.0, registry.get("kubedc.leader").gauge().value());
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());

        loss.stoppedLeading();
        loss.stoppedLeading(); // the elector may report the stop twice (lost to another, then its renew loop ends)

        assertEquals(List.of(LeadershipLoss.EXIT_CODE), exits);
        assertTrue(loss.lost());
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());
        assertEquals(0.0, registry.get("kubedc.leader").gauge().value());
        assertEquals(1.0, registry.get("kubedc.leadership.lost").counter().count());
    }

    @Test
    void aStopReportedDuringAShutdownLetsTheShutdownFinish() {
        loss.startedLeading();
        loss.onShutdown(null); // SIGTERM: the operator's stop cancels the elector, which reports a stop

        loss.stoppedLeading();

        assertEquals(List.of(), exits);
        assertFalse(loss.lost());
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
        assertEquals(0.0, registry.get("kubedc.leader").gauge().value());
    }

    @Test
    void aStandbyIsReady() {
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
        assertEquals(0.0, registry.get("kubedc.leader").gauge().value());
    }
}
