package com.kubedc.net.common;

import com.kubedc.net.vocabulary.Json;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * The decisions of one status write, from the object it is computed on: whether to write (our
 * fields differ), what to tell the user (the spec's notes for before → after), and whether the
 * write makes the object Ready, and whether what it writes is settled (else it may wait, see
 * {@link ProgressPacing}). Pure.
 */
public record StatusChange<P extends HasMetadata, S>(StatusSpec<P, S> spec, S before, S after) {
    public static <P extends HasMetadata, S> StatusChange<P, S> of(StatusSpec<P, S> spec, P actual) {
        return new StatusChange<>(spec, spec.current(actual), spec.desired(actual));
    }

    public boolean writes() {
        return !Json.tree(before).equals(Json.tree(after));
    }

    /** The notes of this change; none when nothing is written (a reason that did not change is not news). */
    public List<StatusNote> notes() {
        return writes() ? spec.notes(before, after) : List.of();
    }

    /** True when the status to write is an outcome, not a step on the way. */
    public boolean settled() {
        return spec.settled(after);
    }

    public boolean becameReady() {
        return writes() && spec.readyKind() != null && spec.ready(after) && (before == null || !spec.ready(before));
    }
}
