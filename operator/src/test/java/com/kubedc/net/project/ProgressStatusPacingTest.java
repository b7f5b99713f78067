package com.kubedc.net.project;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.vocabulary.Conditions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A Project's steps towards Ready are written at most once per progress interval: a Project
 * waiting for Kube-OVN shows its step once the interval has passed (the deferred status is written
 * by a reconcile brought back for it, nothing else happens meanwhile), and the steps it then goes
 * through quickly are one write with Ready, which is announced once.
 */
@Tag("server")
@QuarkusTest
@TestProfile(ProgressStatusPacingTest.EightSeconds.class)
class ProgressStatusPacingTest {
    static final Duration INTERVAL = Duration.ofSeconds(8);
    static final String ORG = "pacing";
    static final String NAME = "steps";

    /** An interval long enough that Kube-OVN's quick steps fall inside it. */
    public static class EightSeconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kube-dc.status.progress-interval", INTERVAL.toSeconds() + "s");
        }
    }

    @Test
    void aWaitingProjectShowsItsStepAfterTheIntervalAndItsQuickStepsToReadyAreOneWrite() {
        TestCluster cluster = TestCluster.get();
        List<String> writes = new ArrayList<>();
        cluster.recorder.reset();
        cluster.emulator.setPaused(true);
        Instant resumed;
        try {
            Project created = cluster.create(Fixtures.project(ORG, NAME, "10.78.0.0/24", "cloud"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Reasons.WAITING_FOR_KUBE_OVN.equals(readyReason(cluster.get(ORG, NAME))));
            Project waiting = cluster.get(ORG, NAME);
            Instant shown = Instant.parse(Conditions.find(waiting.getStatus().getConditions(), Conditions.READY)
                    .orElseThrow()
                    .getLastTransitionTime());
            Instant since = Instant.parse(created.getMetadata().getCreationTimestamp());
            assertTrue(
                    !shown.isBefore(since.plus(INTERVAL)),
                    "the step waits for the interval after the creation: created " + since + ", shown " + shown);
            writes.addAll(cluster.recorder.controllerWrites());
            assertEquals(1, statusWrites(writes), "one write for the step: " + writes);
            resumed = Instant.now();
        } finally {
            cluster.emulator.setPaused(false);
        }
        cluster.awaitReady(ORG, NAME);
        Duration toReady = Duration.between(resumed, Instant.now());
        writes.addAll(cluster.recorder.controllerWrites());

        long allowed = 2 + toReady.toMillis() / INTERVAL.toMillis();
        assertTrue(
                statusWrites(writes) <= allowed,
                "the step, then Ready (and one more per interval Kube-OVN took, " + toReady + "): " + writes);
        // the event follows the status write that made the Project Ready: it may land just after the status is seen
        await().atMost(Duration.ofSeconds(10)).until(() -> readyEvents(cluster) >= 1);
        assertEquals(1, readyEvents(cluster), "Ready is announced once");
    }

    static long readyEvents(TestCluster cluster) {
        return cluster.events(ORG, NAME).stream()
                .filter(e -> Reasons.READY.equals(e.getReason()))
                .count();
    }

    static String readyReason(Project p) {
        return p == null || p.getStatus() == null
                ? null
                : Conditions.reason(p.getStatus().getConditions(), Conditions.READY);
    }

    static long statusWrites(List<String> writes) {
        String path = "PATCH /apis/kube-dc.com/v1/namespaces/" + ORG + "/projects/" + NAME + "/status";
        return writes.stream().map(w -> w.split("\\?")[0]).filter(path::equals).count();
    }
}
