package com.kubedc.net.ops;

import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * What a replica does when its lease is gone (taken by another, or not renewed within the renew
 * deadline): readiness goes down at once, the operator is stopped at once (no new event is
 * dispatched; a reconcile already running may finish), readiness then says so, and the
 * application shuts down and exits with {@link #EXIT_CODE} so that the kubelet starts the
 * container again and it re-enters the election as a standby. The elector is single-use: a
 * replica that stayed up would never lead again, and without the stop it would keep writing to the
 * API server, OVN NB and the Gateway beside the new leader. During a shutdown already under way the
 * elector reports a stop too (the operator's stop cancels it): then nothing is done, the shutdown
 * finishes by itself.
 */
@Singleton
public class LeadershipLoss {
    /** EX_TEMPFAIL: a temporary condition, start again. Told apart from a crash (1) and SIGTERM (143). */
    public static final int EXIT_CODE = 75;

    private static final Logger LOG = Logger.getLogger(LeadershipLoss.class);
    private final AtomicBoolean lost = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger leading = new AtomicInteger();
    private final MeterRegistry registry;
    private final IntConsumer exit;
    private final Runnable stopOperator;
    private volatile boolean shuttingDown;

    @Inject
    public LeadershipLoss(MeterRegistry registry, Instance<Operator> operator) {
        // asyncExit only signals the main thread, which stops the application and exits; the operator is looked up
        // when needed (it is made from the leader-election configuration that calls back here)
        this(registry, Quarkus::asyncExit, () -> operator.get().stop());
    }

    LeadershipLoss(MeterRegistry registry, IntConsumer exit, Runnable stopOperator) {
        this.registry = registry;
        this.exit = exit;
        this.stopOperator = stopOperator;
        registry.find("kubedc.leader").meters().forEach(registry::remove); // an earlier application in this JVM (tests)
        registry.gauge("kubedc.leader", leading);
    }

    /** Runs first among the shutdown observers, before the operator is stopped (which cancels the elector). */
    void onShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        shuttingDown = true;
    }

    /** The elector's start callback. */
    public void startedLeading() {
        leading.set(1);
    }

    /** The elector's stop callback, on the elector's thread: it must not block, nor exit the VM itself. */
    public void stoppedLeading() {
        lose("lost the leader lease");
    }

    /** {@link LeaseWatchdog}: no renewal of ours within the renew deadline; the elector may not have noticed yet. */
    public void renewalsOverdue(Duration since, Duration deadline) {
        lose(String.format(
                "no renewal of the leader lease for %.1f s (renew deadline %d s)",
                since.toMillis() / 1000.0, deadline.toSeconds()));
    }

    private void lose(String why) {
        leading.set(0);
        if (shuttingDown || ApplicationLifecycleManager.isVmShuttingDown()) {
            return;
        }
        if (!lost.compareAndSet(false, true)) {
            return;
        }
        registry.counter("kubedc.leadership.lost").increment();
        LOG.errorf("%s: stopping the controllers and exiting with code %d to rejoin the election", why, EXIT_CODE);
        // off the caller's thread: stopping the operator also cancels the elector
        Thread stopper = new Thread(this::stopThenExit, "leadership-lost");
        stopper.setDaemon(true);
        stopper.start();
    }

    void stopThenExit() {
        try {
            stopOperator.run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "stopping the operator after the lease was lost");
        } finally {
            stopped.set(true);
            exit.accept(EXIT_CODE);
        }
    }

    /** True once the controllers were stopped after a lost lease: nothing is dispatched any more. */
    public boolean stopped() {
        return stopped.get();
    }

    /** True once the lease was lost outside a shutdown: this replica must not write any more. */
    public boolean lost() {
        return lost.get();
    }
}
