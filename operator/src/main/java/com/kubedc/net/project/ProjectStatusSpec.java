package com.kubedc.net.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.api.v1.ProjectStatus;
import com.kubedc.net.common.ProgressPacing;
import com.kubedc.net.common.Refusals;
import com.kubedc.net.common.StatusNote;
import com.kubedc.net.common.StatusPatch;
import com.kubedc.net.common.StatusSpec;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Project's status as the reporter writes it: {@link ProjectStatus#OURS} only ({@code quotaUsage}
 * and {@code security} are other controllers' and are neither compared nor written); a Warning on
 * a new input problem, a Normal event when the network becomes ready. Pure.
 */
record ProjectStatusSpec(Function<Project, ProjectStatus> builder) implements StatusSpec<Project, ProjectStatus> {
    @Override
    public ProjectStatus desired(Project fresh) {
        return ours(builder.apply(fresh));
    }

    @Override
    public ProjectStatus current(Project actual) {
        return actual.getStatus() == null ? null : ours(actual.getStatus());
    }

    @Override
    public ObjectNode fields(Project actual, ProjectStatus ours) {
        return StatusPatch.owned(Json.tree(actual.getStatus()), ProjectStatusBuilder.ours(ours), ProjectStatus.OURS);
    }

    @Override
    public List<StatusNote> notes(ProjectStatus before, ProjectStatus after) {
        List<StatusNote> out = new ArrayList<>();
        for (String reason : ProjectStatusBuilder.newFailureReasons(before, after)) {
            out.add(StatusNote.refusal(
                    Refusals.PROJECT,
                    reason,
                    Conditions.find(after.getConditions(), Reasons.INPUT_VALID)
                            .get()
                            .getMessage()));
        }
        if (ready(after) && !ready(before)) {
            out.add(StatusNote.normal(Reasons.READY, "project network " + after.getNamespace() + " is ready"));
        }
        return out;
    }

    @Override
    public boolean settled(ProjectStatus ours) {
        return !ProgressPacing.inProgress(Conditions.reason(ours.getConditions(), Conditions.READY));
    }

    @Override
    public boolean ready(ProjectStatus ours) {
        return ours != null && ours.isReady();
    }

    @Override
    public String readyKind() {
        return "Project";
    }

    /** {@code s} without the fields other controllers write. */
    static ProjectStatus ours(ProjectStatus s) {
        ProjectStatus out = io.fabric8.kubernetes.client.utils.Serialization.clone(s);
        out.setQuotaUsage(null);
        out.setSecurity(null);
        return out;
    }
}
