package com.kubedc.net.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@code kubedc_time_to_ready_seconds} counts each object once, however often it is told the object became Ready. */
class ReadyTimerTest {
    static ConfigMap object(String uid) {
        ConfigMap c = new ConfigMap();
        c.setMetadata(new ObjectMetaBuilder()
                .withName("o")
                .withUid(uid)
                .withCreationTimestamp("2026-01-01T10:00:00Z")
                .build());
        return c;
    }

    @Test
    void anObjectIsCountedOnceAndEachObjectIsCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ReadyTimer timer = new ReadyTimer(registry, Clock.fixed(Instant.parse("2026-01-01T10:00:03Z"), ZoneOffset.UTC));
        timer.record("Project", object("a"));
        timer.record("Project", object("a"));
        timer.record("Project", object("b"));
        var t = registry.find("kubedc.time.to.ready").tag("kind", "Project").timer();
        assertEquals(2, t.count());
        assertEquals(6.0, t.totalTime(java.util.concurrent.TimeUnit.SECONDS));
    }
}
