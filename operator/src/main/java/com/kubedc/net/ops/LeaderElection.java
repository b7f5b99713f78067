package com.kubedc.net.ops;

import com.kubedc.net.config.KubeDcConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Leader election (active in the profiles of {@code quarkus.operator-sdk.activate-leader-election-for-profiles}).
 * exitOnStopLeading=false: JOSDK's System.exit on lost leadership deadlocks a SIGTERM shutdown;
 * {@link LeadershipLoss} stops and exits instead, unless a shutdown is already under way.
 * {@link LeaseWatchdog} holds the leader to the renew deadline, which the elector alone does not.
 */
public class LeaderElection {
    /** How long a standby waits after the last renewal it saw before it takes the lease (client-go's default). */
    public static final Duration LEASE_DURATION = Duration.ofSeconds(15);
    /** A leader without a renewal for this long stops leading ({@link LeaseWatchdog}). */
    public static final Duration RENEW_DEADLINE = Duration.ofSeconds(10);
    /** Time between two renewals or acquisition attempts. */
    public static final Duration RETRY_PERIOD = Duration.ofSeconds(2);

    @Produces
    @Singleton
    LeaderElectionConfiguration leaderElection(KubeDcConfig config, LeadershipLoss loss, LeaseWatchdog watchdog) {
        var le = config.leaderElection();
        Runnable started = () -> {
            loss.startedLeading();
            watchdog.startedLeading();
        };
        Runnable stopped = () -> {
            watchdog.stoppedLeading();
            loss.stoppedLeading();
        };
        var callbacks = new LeaderCallbacks(started, stopped, leader -> {});
        return new LeaderElectionConfiguration(
                le.leaseName(),
                le.leaseNamespace().orElse(null),
                LEASE_DURATION,
                RENEW_DEADLINE,
                RETRY_PERIOD,
                null,
                callbacks,
                false);
    }
}
