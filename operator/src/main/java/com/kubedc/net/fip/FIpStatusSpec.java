package com.kubedc.net.fip;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.api.v1.FIpStatus;
import com.kubedc.net.common.ProgressPacing;
import com.kubedc.net.common.Refusals;
import com.kubedc.net.common.StatusNote;
import com.kubedc.net.common.StatusPatch;
import com.kubedc.net.common.StatusSpec;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Json;
import java.util.List;
import java.util.function.Function;

/** The FIp's status as the reporter writes it (all of it is ours); a refusal on a new reason why it is not ready. Pure. */
record FIpStatusSpec(Function<FIp, FIpStatus> builder) implements StatusSpec<FIp, FIpStatus> {
    @Override
    public FIpStatus desired(FIp fresh) {
        return builder.apply(fresh);
    }

    @Override
    public FIpStatus current(FIp actual) {
        return actual.getStatus();
    }

    @Override
    public ObjectNode fields(FIp actual, FIpStatus ours) {
        return StatusPatch.owned(Json.tree(actual.getStatus()), Json.tree(ours), null);
    }

    @Override
    public List<StatusNote> notes(FIpStatus before, FIpStatus after) {
        String was = before == null ? null : Conditions.reason(before.getConditions(), Conditions.READY);
        String now = Conditions.reason(after.getConditions(), Conditions.READY);
        if (!after.isReady() && now != null && !now.equals(was) && !ProgressPacing.inProgress(now)) {
            return List.of(StatusNote.refusal(
                    Refusals.FIP,
                    now,
                    Conditions.find(after.getConditions(), Conditions.READY)
                            .get()
                            .getMessage()));
        }
        return List.of();
    }

    @Override
    public boolean settled(FIpStatus ours) {
        return !ProgressPacing.inProgress(Conditions.reason(ours.getConditions(), Conditions.READY));
    }

    @Override
    public boolean ready(FIpStatus ours) {
        return ours != null && ours.isReady();
    }

    @Override
    public String readyKind() {
        return "FIp";
    }
}
