package com.kubedc.net.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a status that only reports progress is written. A status is <em>settled</em> when it is an
 * outcome the user acts on or waits for (Ready, a refusal, a failure): it is written at once. One
 * that says the object is on its way (a reason starting with {@code Waiting}) is written once the
 * object's shown status has differed from it for the whole interval: a step the object passes in
 * less is never written (the next step or the outcome replaces it), so an object that becomes Ready
 * within the interval gets one status write instead of one per step; a step that lasts is shown no
 * later than the interval; and two writes of steps are at least the interval apart, since the
 * difference that leads to the second begins after the first. The caller brings the reconcile back
 * when a deferred status is due ({@link StatusReporter.Result#reschedule}).
 *
 * <p>When a difference began is this process's memory only, per object and writer: it is forgotten
 * when the status is written or found as it should be, and a new leader counts from its first
 * look. An entry many intervals old belongs to an object that went away meanwhile and is swept.
 */
public final class ProgressPacing {
    private static final int FIRST_SWEEP = 1024;
    private static final int STALE_INTERVALS = 10;
    private final Duration interval;
    private final Map<String, Instant> behindSince = new ConcurrentHashMap<>();
    private volatile int nextSweep = FIRST_SWEEP;

    public ProgressPacing(Duration interval) {
        this.interval = interval;
    }

    /** True for a reason that reports a step on the way ({@code Waiting…}), not an outcome. */
    public static boolean inProgress(String reason) {
        return reason != null && reason.startsWith("Waiting");
    }

    /**
     * How long a status must wait before it is written; zero: write it now. Settled: now. In
     * progress: until {@code interval} after the shown status began to differ ({@code since}; null:
     * it begins now).
     */
    public static Duration wait(boolean settled, Instant since, Instant now, Duration interval) {
        if (settled || interval.isZero() || interval.isNegative()) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, (since == null ? now : since).plus(interval));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** {@link #wait} for the object and writer of {@code key}, whose shown status differs from the one to write. */
    public Duration wait(String key, boolean settled, Instant now) {
        if (settled) {
            return Duration.ZERO;
        }
        Instant since = behindSince.computeIfAbsent(key, k -> now);
        sweep(now);
        return wait(false, since, now, interval);
    }

    /** {@code key}'s status was written, or found as it should be: no difference to pace. */
    public void caughtUp(String key) {
        behindSince.remove(key);
    }

    private void sweep(Instant now) {
        if (behindSince.size() > nextSweep) {
            Instant stale = now.minus(interval.multipliedBy(STALE_INTERVALS));
            behindSince.values().removeIf(t -> t.isBefore(stale));
            nextSweep = Math.max(FIRST_SWEEP, 2 * behindSince.size());
        }
    }

    /** How many differences are being paced (for tests of the sweep). */
    int remembered() {
        return behindSince.size();
    }
}
