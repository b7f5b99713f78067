package com.kubedc.net.eip;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpStatus;
import com.kubedc.net.common.ProgressPacing;
import com.kubedc.net.common.Refusals;
import com.kubedc.net.common.StatusNote;
import com.kubedc.net.common.StatusPatch;
import com.kubedc.net.common.StatusSpec;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Json;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The EIp's status as the reporter writes it: the whole status is ours, {@code owners} included
 * (written whole, never edited by index). A refusal on a new reason why it is not ready (waiting
 * is not one), a Warning when what holds its deletion changes. Pure.
 */
record EIpStatusSpec(Function<EIp, EIpStatus> builder) implements StatusSpec<EIp, EIpStatus> {
    /** The fields we write: {@code deleteReleased} is upstream's (a migrated EIp keeps it). */
    static final List<String> OURS =
            List.of("ipAddress", "ovnEIpRef", "ready", "ownershipType", "owners", "conditions");

    /** {@code next}, computed from {@code read}, for any later version of it: the conditions' times follow that version. */
    static EIpStatusSpec of(EIp read, EIpStatus next, java.time.Clock clock) {
        return new EIpStatusSpec(fresh -> {
            if (fresh == read) {
                return next;
            }
            EIpStatus out = io.fabric8.kubernetes.client.utils.Serialization.clone(next);
            out.setConditions(Conditions.rebase(
                    next.getConditions(),
                    fresh.getStatus() == null ? null : fresh.getStatus().getConditions(),
                    fresh.getMetadata().getGeneration(),
                    clock));
            return out;
        });
    }

    @Override
    public EIpStatus desired(EIp fresh) {
        return ours(builder.apply(fresh));
    }

    @Override
    public EIpStatus current(EIp actual) {
        return actual.getStatus() == null ? null : ours(actual.getStatus());
    }

    @Override
    public ObjectNode fields(EIp actual, EIpStatus ours) {
        return StatusPatch.owned(Json.tree(actual.getStatus()), Json.tree(ours), OURS);
    }

    private static EIpStatus ours(EIpStatus s) {
        if (s.getDeleteReleased() == null) {
            return s;
        }
        EIpStatus out = io.fabric8.kubernetes.client.utils.Serialization.clone(s);
        out.setDeleteReleased(null);
        return out;
    }

    @Override
    public List<StatusNote> notes(EIpStatus before, EIpStatus after) {
        List<StatusNote> out = new ArrayList<>();
        String was = before == null ? null : Conditions.reason(before.getConditions(), Conditions.READY);
        String now = Conditions.reason(after.getConditions(), Conditions.READY);
        if (!after.isReady() && now != null && !now.equals(was) && !ProgressPacing.inProgress(now)) {
            out.add(StatusNote.refusal(
                    Refusals.EIP,
                    now,
                    Conditions.find(after.getConditions(), Conditions.READY)
                            .get()
                            .getMessage()));
        }
        Optional<String> held =
                Conditions.find(after.getConditions(), EIpReasons.IN_USE).map(Condition::getMessage);
        if (held.isPresent()
                && !Objects.equals(
                        held.get(),
                        before == null
                                ? null
                                : Conditions.find(before.getConditions(), EIpReasons.IN_USE)
                                        .map(Condition::getMessage)
                                        .orElse(null))) {
            out.add(new StatusNote(com.kubedc.net.common.Events.WARNING, EIpReasons.IN_USE, held.get(), null));
        }
        return out;
    }

    @Override
    public boolean settled(EIpStatus ours) {
        // what holds a deletion is for the user now, whatever the address is doing
        return !ProgressPacing.inProgress(Conditions.reason(ours.getConditions(), Conditions.READY))
                || Conditions.find(ours.getConditions(), EIpReasons.IN_USE).isPresent();
    }

    @Override
    public boolean ready(EIpStatus ours) {
        return ours != null && ours.isReady();
    }

    @Override
    public String readyKind() {
        return "EIp";
    }
}
