package com.kubedc.net.ops;

import com.kubedc.net.ovn.NbLoadBalancers;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the OVN NB is connected and mirrored (when one is configured): load balancers cannot be programmed otherwise. */
@Readiness
@ApplicationScoped
public class OvnNbReadiness implements HealthCheck {
    private final NbLoadBalancers nb;

    public OvnNbReadiness(NbLoadBalancers nb) {
        this.nb = nb;
    }

    @Override
    public HealthCheckResponse call() {
        var r = HealthCheckResponse.named("ovn-nb");
        if (!nb.configured()) {
            return r.up().withData("ovn-db-ips", "not set").build();
        }
        return (nb.ready() ? r.up() : r.down())
                .withData("transactions", nb.transactions())
                .build();
    }
}
