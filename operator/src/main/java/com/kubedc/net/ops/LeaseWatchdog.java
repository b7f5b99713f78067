package com.kubedc.net.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Holds the leader to the renew deadline. fabric8's elector checks its deadline only between two
 * renewal attempts, and one attempt runs through the client's request retries (about 19 s against a
 * server that refuses connections, longer where packets are dropped), so a leader cut off from the API
 * server went on leading past the lease's duration, beside the replica that took the lease over. Once
 * leading, this checks every second that a renewal of ours ({@link LeaseRenewals}) was sent within the
 * renew deadline; when none was, the lease counts as lost ({@link LeadershipLoss#renewalsOverdue}).
 * The age of the last renewal is the gauge {@code kubedc_leader_lease_renewal_age_seconds} (NaN while
 * not leading).
 */
@Singleton
public class LeaseWatchdog {
    static final long CHECK_MILLIS = 1000;

    private final LeaseRenewals renewals;
    private final LeadershipLoss loss;
    private final Vertx vertx;
    private final LongSupplier nanoClock;
    private final Duration deadline;
    private volatile long leadingSince;
    private volatile boolean leading;
    private volatile long timer = -1;

    @Inject
    public LeaseWatchdog(LeaseRenewals renewals, LeadershipLoss loss, Vertx vertx, MeterRegistry registry) {
        this(renewals, loss, vertx, registry, System::nanoTime, LeaderElection.RENEW_DEADLINE);
    }

    LeaseWatchdog(
            LeaseRenewals renewals,
            LeadershipLoss loss,
            Vertx vertx,
            MeterRegistry registry,
            LongSupplier nanoClock,
            Duration deadline) {
        this.renewals = renewals;
        this.loss = loss;
        this.vertx = vertx;
        this.nanoClock = nanoClock;
        this.deadline = deadline;
        registry.find("kubedc.leader.lease.renewal.age")
                .meters()
                .forEach(registry::remove); // an earlier application (tests)
        Gauge.builder("kubedc.leader.lease.renewal.age", this, LeaseWatchdog::renewalAgeSeconds)
                .baseUnit("seconds")
                .description("time since this leader's last accepted renewal of its lease; NaN while not leading")
                .register(registry);
    }

    /** The elector's start callback (after the write that took the lease): from now on renewals are due. */
    public void startedLeading() {
        leadingSince = nanoClock.getAsLong();
        leading = true;
        if (vertx != null && timer < 0) {
            timer = vertx.setPeriodic(CHECK_MILLIS, id -> check());
        }
    }

    /** One check: true when the renew deadline has passed without a renewal (the loss is then reported, once). */
    boolean check() {
        if (!leading) {
            return false;
        }
        Duration since = sinceLastRenewal();
        if (since.compareTo(deadline) <= 0) {
            return false;
        }
        cancel();
        leading = false;
        loss.renewalsOverdue(since, deadline);
        return true;
    }

    private Duration sinceLastRenewal() {
        long last = Math.max(leadingSince, renewals.last().orElse(Long.MIN_VALUE));
        return Duration.ofNanos(nanoClock.getAsLong() - last);
    }

    double renewalAgeSeconds() {
        return leading ? sinceLastRenewal().toNanos() / 1e9 : Double.NaN;
    }

    /** The elector's stop callback: no renewals are due any more. */
    public void stoppedLeading() {
        leading = false;
        cancel();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        cancel();
    }

    private void cancel() {
        long id = timer;
        if (id >= 0 && vertx != null) {
            vertx.cancelTimer(id);
        }
        timer = -1;
    }
}
