package com.kubedc.net.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * One controller's part of a primary's status, for {@link StatusReporter}: built fresh from the
 * object it is written onto (so a retry on a newer version rebuilds it), compared with what the
 * object shows, written as whole top-level fields, and what the user is told when it changes. Pure.
 *
 * @param <P> the primary
 * @param <S> this controller's view of the status (only the fields it owns)
 */
public interface StatusSpec<P extends HasMetadata, S> {
    /** Our fields as they should be on {@code fresh}, built by the controller's pure builder from fresh's previous status. */
    S desired(P fresh);

    /** Our fields as {@code actual} shows them now, in the shape of {@link #desired}: equal means nothing to write. */
    S current(P actual);

    /**
     * The top-level status fields to set on {@code actual} so it shows {@code ours}, each whole (a JSON
     * null removes one); a list another writer shares is given with its entries kept as {@code actual} has them.
     */
    ObjectNode fields(P actual, S ours);

    /** What the user is told when a write takes our fields from {@code before} to {@code after}. */
    List<StatusNote> notes(S before, S after);

    /**
     * True when {@code ours} is an outcome (Ready, a refusal, a failure) rather than a step on the
     * way: it is written at once, a step only once it has lasted the progress interval ({@link ProgressPacing}).
     */
    boolean settled(S ours);

    /** True when {@code ours} says Ready (the ready timer records the write that makes it so). */
    boolean ready(S ours);

    /** The {@code kind} label of {@code kubedc_time_to_ready_seconds}, or null for a status with no ready time. */
    String readyKind();
}
