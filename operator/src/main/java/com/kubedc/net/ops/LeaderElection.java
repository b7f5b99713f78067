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
 */
public class LeaderElection {
    @Produces
    @Singleton
    LeaderElectionConfiguration leaderElection(KubeDcConfig config, LeadershipLoss loss) {
        var le = config.leaderElection();
        var callbacks = new LeaderCallbacks(loss::startedLeading, loss::stoppedLeading, leader -> {});
        return new LeaderElectionConfiguration(
                le.leaseName(),
                le.leaseNamespace().orElse(null),
                Duration.ofSeconds(15),
                Duration.ofSeconds(10),
                Duration.ofSeconds(2),
                null,
                callbacks,
                false);
    }
}
