package com.kubedc.net.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** What a replica does when the elector reports the end of its leadership: pure, the operator's stop and the exit recorded instead of made. */
class LeadershipLossTest {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<String> done = new CopyOnWriteArrayList<>();
    final CountDownLatch stopMayFinish = new CountDownLatch(1);
    final LeadershipLoss loss = new LeadershipLoss(registry, code -> done.add("exit " + code), () -> {
        done.add("stop operator");
        try {
            stopMayFinish.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    });
    final LeadershipReadiness readiness = new LeadershipReadiness(loss);

    @Test
    void aLeaderThatLosesItsLeaseStopsItsControllersThenExitsOnceWithTheLeaseLossCode() {
        loss.startedLeading();
        assertEquals(1.0, registry.get("kubedc.leader").gauge().value());
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());

        loss.stoppedLeading();
        loss.stoppedLeading(); // the elector may report the stop twice (lost to another, then its renew loop ends)

        // stopping: unready at once, no exit before the operator has stopped
        await().atMost(Duration.ofSeconds(5)).until(() -> done.contains("stop operator"));
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());
        assertEquals("lost, stopping", readiness.call().getData().orElseThrow().get("lease"));
        assertEquals(List.of("stop operator"), done);

        stopMayFinish.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> done.size() == 2);
        assertEquals(List.of("stop operator", "exit " + LeadershipLoss.EXIT_CODE), done);
        assertTrue(loss.lost());
        assertEquals("lost, exiting", readiness.call().getData().orElseThrow().get("lease"));
        assertEquals(0.0, registry.get("kubedc.leader").gauge().value());
        assertEquals(1.0, registry.get("kubedc.leadership.lost").counter().count());
    }

    @Test
    void aStopReportedDuringAShutdownLetsTheShutdownFinish() {
        loss.startedLeading();
        loss.onShutdown(null); // SIGTERM: the operator's stop cancels the elector, which reports a stop

        loss.stoppedLeading();

        assertEquals(List.of(), done);
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
