package com.kubedc.net.loadbalancer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kubedc.net.common.ProgressPacing;
import com.kubedc.net.common.Refusals;
import com.kubedc.net.common.SharedConditions;
import com.kubedc.net.common.StatusNote;
import com.kubedc.net.common.StatusSpec;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Json;
import com.kubedc.net.vocabulary.ServiceAddresses;
import io.fabric8.kubernetes.api.model.LoadBalancerStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What the load-balancer controller writes on a Service, for the reporter: its conditions
 * ({@link LbReasons#LOAD_BALANCER_READY}, {@link AutoDelete#CONDITION}) in the shared list, and
 * {@code loadBalancer.ingress} when {@code ingress} (a Service we never programmed keeps whatever
 * it shows). A refusal on a new user error, a Normal event when it is programmed. Pure.
 */
public record LbStatusSpec(Function<Service, ServiceStatus> builder, boolean ingress)
        implements StatusSpec<Service, ServiceStatus> {
    static final Set<String> TYPES = Set.of(LbReasons.LOAD_BALANCER_READY, AutoDelete.CONDITION);

    @Override
    public ServiceStatus desired(Service fresh) {
        return view(builder.apply(fresh));
    }

    @Override
    public ServiceStatus current(Service actual) {
        return view(actual.getStatus());
    }

    /** Our part of {@code s}: our conditions, and the ingress addresses alone (the server adds fields such as ipMode). */
    private ServiceStatus view(ServiceStatus s) {
        ServiceStatus out = new ServiceStatus();
        out.setConditions(SharedConditions.mine(s == null ? null : s.getConditions(), TYPES));
        if (ingress) {
            LoadBalancerStatus lb = new LoadBalancerStatus();
            lb.setIngress(
                    ServiceAddresses.ips(s).stream().map(LbStatus::ingress).toList());
            out.setLoadBalancer(lb);
        }
        return out;
    }

    @Override
    public ObjectNode fields(Service actual, ServiceStatus ours) {
        ObjectNode out = Json.object();
        out.set(
                "conditions",
                Json.tree(SharedConditions.merge(
                        actual.getStatus() == null ? null : actual.getStatus().getConditions(),
                        TYPES,
                        ours.getConditions())));
        if (ingress) {
            out.set("loadBalancer", Json.tree(ours.getLoadBalancer()));
        }
        return out;
    }

    @Override
    public List<StatusNote> notes(ServiceStatus before, ServiceStatus after) {
        String was = before == null ? null : Conditions.reason(before.getConditions(), LbReasons.LOAD_BALANCER_READY);
        var now = Conditions.find(after.getConditions(), LbReasons.LOAD_BALANCER_READY);
        if (now.isEmpty() || Objects.equals(was, now.get().getReason())) {
            return List.of();
        }
        if (LbReasons.isUserError(now.get().getReason())) {
            return List.of(StatusNote.refusal(
                    Refusals.LOAD_BALANCER, now.get().getReason(), now.get().getMessage()));
        }
        return ready(after)
                ? List.of(StatusNote.normal(now.get().getReason(), now.get().getMessage()))
                : List.of();
    }

    @Override
    public boolean settled(ServiceStatus ours) {
        return !ProgressPacing.inProgress(Conditions.reason(ours.getConditions(), LbReasons.LOAD_BALANCER_READY));
    }

    @Override
    public boolean ready(ServiceStatus ours) {
        return ours != null && Conditions.isTrue(ours.getConditions(), LbReasons.LOAD_BALANCER_READY);
    }

    @Override
    public String readyKind() {
        return "Service";
    }
}
