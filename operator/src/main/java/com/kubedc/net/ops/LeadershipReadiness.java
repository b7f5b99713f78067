package com.kubedc.net.ops;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready from the moment the lease is lost until the process exits. A standby (no lease yet) is ready: a rollout must not wait for it. */
@Readiness
@ApplicationScoped
public class LeadershipReadiness implements HealthCheck {
    private final LeadershipLoss loss;

    public LeadershipReadiness(LeadershipLoss loss) {
        this.loss = loss;
    }

    @Override
    public HealthCheckResponse call() {
        var r = HealthCheckResponse.named("leader-lease");
        if (!loss.lost()) {
            return r.up().build();
        }
        // "lost, exiting" only once the controllers are stopped: from then on this replica dispatches nothing
        return r.down()
                .withData("lease", loss.stopped() ? "lost, exiting" : "lost, stopping")
                .build();
    }
}
