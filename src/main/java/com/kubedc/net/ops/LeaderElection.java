package com.kubedc.net.ops;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Leader election (active in the profiles of {@code quarkus.operator-sdk.activate-leader-election-for-profiles}).
 * exitOnStopLeading=false: JOSDK's System.exit on lost leadership deadlocks a SIGTERM shutdown.
 */
public class LeaderElection {
    @Produces
    @Singleton
    LeaderElectionConfiguration leaderElection(
            @ConfigProperty(name = "kube-dc.leader-election.lease-name", defaultValue = "kube-dc-net-leader") String lease,
            @ConfigProperty(name = "kube-dc.leader-election.lease-namespace") java.util.Optional<String> namespace) {
        return new LeaderElectionConfiguration(lease, namespace.orElse(null),
                Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2), null, null, false);
    }
}
