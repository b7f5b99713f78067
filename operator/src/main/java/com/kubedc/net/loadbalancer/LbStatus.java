package com.kubedc.net.loadbalancer;

import com.kubedc.net.vocabulary.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.LoadBalancerStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import java.time.Clock;
import java.util.List;

/**
 * The Service status we own: {@code loadBalancer.ingress} (exactly the EIp address once
 * programmed, empty otherwise) and our one condition; other controllers' conditions are kept. Pure.
 */
final class LbStatus {
    private LbStatus() {}

    /** Our status for outcome {@code o} and autodelete decision {@code d}; {@code o} null clears all of ours. */
    static ServiceStatus next(Service s, LbOutcome o, AutoDelete.Decision d, Clock clock) {
        ServiceStatus prev = s.getStatus() == null ? new ServiceStatus() : s.getStatus();
        List<Condition> conditions = o == null
                ? Conditions.replace(prev.getConditions(), LbReasons.LOAD_BALANCER_READY, null)
                : Conditions.put(
                        prev.getConditions(),
                        s.getMetadata().getGeneration(),
                        clock,
                        LbReasons.LOAD_BALANCER_READY,
                        o.isProgrammed(),
                        o.reason(),
                        o.message());
        conditions = AutoDelete.condition(
                conditions, s.getMetadata().getGeneration(), o == null ? new AutoDelete.Off() : d, clock);
        ServiceStatus next = new ServiceStatus();
        next.setConditions(conditions);
        LoadBalancerStatus lb = new LoadBalancerStatus();
        lb.setIngress(o != null && o.isProgrammed() ? List.of(ingress(o.address())) : List.of());
        next.setLoadBalancer(lb);
        return next;
    }

    /**
     * {@code base} with our condition refusing the Service ({@link LbReasons#NOT_A_PROJECT_NAMESPACE}):
     * its ingress is kept as it is, since outside project namespaces it is never ours to write.
     */
    static ServiceStatus refused(Service s, ServiceStatus base, String message, Clock clock) {
        ServiceStatus prev = base == null ? new ServiceStatus() : base;
        ServiceStatus next = new ServiceStatus();
        next.setConditions(Conditions.put(
                prev.getConditions(),
                s.getMetadata().getGeneration(),
                clock,
                LbReasons.LOAD_BALANCER_READY,
                false,
                LbReasons.NOT_A_PROJECT_NAMESPACE,
                message));
        next.setLoadBalancer(prev.getLoadBalancer());
        return next;
    }

    static LoadBalancerIngress ingress(String ip) {
        LoadBalancerIngress i = new LoadBalancerIngress();
        i.setIp(ip);
        return i;
    }
}
