package com.kubedc.net.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Records {@code kubedc_time_to_ready_seconds{kind}}: creation to first Ready, per kind (bounded
 * labels). {@link StatusReporter} calls it for the write that makes an object Ready (made at the
 * version it read, so a stale read cannot call it twice); the uids recorded are remembered too
 * (the latest {@link #REMEMBERED}), so an object that loses Ready and gets it back counts once.
 */
@ApplicationScoped
public class ReadyTimer {
    /** A few buckets that say something to an operator, instead of ~70 generated ones. */
    static final Duration[] BUCKETS = {
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        Duration.ofMinutes(2),
        Duration.ofMinutes(5)
    };

    static final int REMEMBERED = 50_000;
    private final MeterRegistry registry;
    private final Clock clock;
    private final java.util.Map<String, Boolean> recorded =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            });

    public ReadyTimer(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** {@code o} has become Ready: its time since creation, unless this object's was recorded already. */
    public void record(String kind, HasMetadata o) {
        String created = o.getMetadata().getCreationTimestamp();
        String uid = o.getMetadata().getUid();
        if (created == null || uid != null && recorded.putIfAbsent(uid, Boolean.TRUE) != null) {
            return;
        }
        Duration d = Duration.between(Instant.parse(created), Instant.now(clock));
        if (!d.isNegative()) {
            Timer.builder("kubedc.time.to.ready")
                    .tag("kind", kind)
                    .description("time from creation to first Ready")
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(d);
        }
    }
}
