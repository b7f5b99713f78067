package com.kubedc.net.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Records {@code kubedc_time_to_ready_seconds{kind}}: creation to first Ready, per kind (bounded labels). */
@ApplicationScoped
public class ReadyTimer {
    /** A few buckets that say something to an operator, instead of ~70 generated ones. */
    static final Duration[] BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5)};
    private final MeterRegistry registry;
    private final Clock clock;

    public ReadyTimer(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public void record(String kind, HasMetadata o) {
        String created = o.getMetadata().getCreationTimestamp();
        if (created == null) {
            return;
        }
        Duration d = Duration.between(Instant.parse(created), Instant.now(clock));
        if (!d.isNegative()) {
            Timer.builder("kubedc.time.to.ready").tag("kind", kind)
                    .description("time from creation to first Ready")
                    .serviceLevelObjectives(BUCKETS).register(registry).record(d);
        }
    }
}
