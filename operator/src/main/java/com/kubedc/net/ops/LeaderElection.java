package com.kubedc.net.ops;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import com.kubedc.net.config.KubeDcConfig;

/**
 * Leader election (active in the profiles of {@code quarkus.operator-sdk.activate-leader-election-for-profiles}).
 * exitOnStopLeading=false: JOSDK's System.exit on lost leadership deadlocks a SIGTERM shutdown.
 */
public class LeaderElection {
    @Produces
    @Singleton
    LeaderElectionConfiguration leaderElection(KubeDcConfig config) {
        var le = config.leaderElection();
        return new LeaderElectionConfiguration(le.leaseName(), le.leaseNamespace().orElse(null),
                Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2), null, null, false);
    }
}
