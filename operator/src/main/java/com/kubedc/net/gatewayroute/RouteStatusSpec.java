package com.kubedc.net.gatewayroute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kubedc.net.common.ProgressPacing;
import com.kubedc.net.common.Refusals;
import com.kubedc.net.common.SharedConditions;
import com.kubedc.net.common.StatusNote;
import com.kubedc.net.common.StatusSpec;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Json;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the route controller writes on a Service, for the reporter: its one condition
 * ({@link RouteReasons#ROUTE_READY}) in the shared list, nothing else of the status. A refusal on
 * a new problem, a Normal event when the route becomes ready. Pure.
 */
record RouteStatusSpec(RouteOutcome outcome, java.time.Clock clock) implements StatusSpec<Service, List<Condition>> {
    static final Set<String> TYPES = Set.of(RouteReasons.ROUTE_READY);

    @Override
    public List<Condition> desired(Service fresh) {
        return SharedConditions.mine(RouteStatus.conditions(fresh, outcome, clock), TYPES);
    }

    @Override
    public List<Condition> current(Service actual) {
        return SharedConditions.mine(
                actual.getStatus() == null ? null : actual.getStatus().getConditions(), TYPES);
    }

    @Override
    public ObjectNode fields(Service actual, List<Condition> ours) {
        ObjectNode out = Json.object();
        out.set(
                "conditions",
                Json.tree(SharedConditions.merge(
                        actual.getStatus() == null ? null : actual.getStatus().getConditions(), TYPES, ours)));
        return out;
    }

    @Override
    public List<StatusNote> notes(List<Condition> before, List<Condition> after) {
        String was = Conditions.reason(before, RouteReasons.ROUTE_READY);
        var now = Conditions.find(after, RouteReasons.ROUTE_READY);
        if (now.isEmpty() || Objects.equals(was, now.get().getReason())) {
            return List.of();
        }
        if (RouteReasons.isProblem(now.get().getReason())) {
            return List.of(StatusNote.refusal(
                    Refusals.GATEWAY_ROUTE, now.get().getReason(), now.get().getMessage()));
        }
        return ready(after)
                ? List.of(StatusNote.normal(now.get().getReason(), now.get().getMessage()))
                : List.of();
    }

    @Override
    public boolean settled(List<Condition> ours) {
        return !ProgressPacing.inProgress(Conditions.reason(ours, RouteReasons.ROUTE_READY));
    }

    @Override
    public boolean ready(List<Condition> ours) {
        return Conditions.isTrue(ours, RouteReasons.ROUTE_READY);
    }

    @Override
    public String readyKind() {
        return null;
    }
}
