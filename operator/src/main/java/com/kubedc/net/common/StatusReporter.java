package com.kubedc.net.common;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.kubedc.net.vocabulary.Json;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The one status writer of every controller: our fields built fresh ({@link StatusSpec}),
 * compared with what the object shows (equal: no request), written as a JSON Patch of whole
 * top-level fields guarded by the resourceVersion they were computed from ({@link StatusPatch}),
 * and the result put in the controller's cache (as the operator SDK's own cache-aware updates do)
 * so the next reconcile sees it before the informer does. A write refused because the object
 * changed meanwhile is recomputed on a fresh read. Events and the ready timer follow the write
 * that made the change, judged against the version it was made on: a stale read says nothing twice.
 * A status that only reports progress waits its turn ({@link ProgressPacing}): the reconcile that
 * deferred it is brought back when it is due ({@link Result#reschedule}), so steps an object passes
 * in less than {@code kube-dc.status.progress-interval} are not written.
 */
@ApplicationScoped
public class StatusReporter {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(StatusReporter.class);
    static final int ATTEMPTS = 5;
    private final KubernetesClient client;
    private final Events events;
    private final Refusals refusals;
    private final ReadyTimer readyTimer;
    private final WriteCounter writes;
    private final Clock clock;
    private final ProgressPacing pacing;

    public StatusReporter(
            KubernetesClient client,
            Events events,
            Refusals refusals,
            ReadyTimer readyTimer,
            WriteCounter writes,
            Clock clock,
            com.kubedc.net.config.KubeDcConfig config) {
        this.client = client;
        this.events = events;
        this.refusals = refusals;
        this.readyTimer = readyTimer;
        this.writes = writes;
        this.clock = clock;
        this.pacing = new ProgressPacing(config.status().progressInterval());
    }

    /**
     * What a report did: the object as it now is, whether it wrote, what it told the user, and how
     * long a status it did not write yet (in progress, {@link ProgressPacing}) waits (zero: none waits).
     */
    public record Result<P>(P object, boolean wrote, List<StatusNote> notes, Duration deferred) {
        static <P> Result<P> unchanged(P object) {
            return new Result<>(object, false, List.of(), Duration.ZERO);
        }

        public boolean said(String reason) {
            return notes.stream().anyMatch(n -> n.reason().equals(reason));
        }

        /** {@code control}, also brought back when a deferred status is due (the sooner of its own delay and that). */
        public <R extends HasMetadata> UpdateControl<R> reschedule(UpdateControl<R> control) {
            if (deferred.isZero()) {
                return control;
            }
            long due = Math.max(1, deferred.toMillis());
            boolean sooner = control.getScheduleDelay().map(ms -> ms <= due).orElse(false);
            return sooner ? control : control.rescheduleAfter(due);
        }
    }

    /** Writes {@code spec}'s fields onto {@code primary} if they differ; {@code ctx} null: no cache to update (not the primary). */
    public <P extends HasMetadata, S> Result<P> report(P primary, Context<P> ctx, StatusSpec<P, S> spec) {
        P actual = primary;
        String key = paceKey(primary, spec);
        for (int attempt = 1; ; attempt++) {
            StatusChange<P, S> change = StatusChange.of(spec, actual);
            if (!change.writes()) {
                pacing.caughtUp(key);
                return Result.unchanged(actual);
            }
            ArrayNode ops = StatusPatch.ops(Json.tree(actual), spec.fields(actual, change.after()));
            if (ops.isEmpty()) {
                pacing.caughtUp(key);
                return Result.unchanged(actual); // differs only in what the spec does not write
            }
            Duration wait = pacing.wait(key, change.settled(), clock.instant());
            if (!wait.isZero()) {
                return new Result<>(actual, false, List.of(), wait);
            }
            try {
                P written = patch(actual, ops);
                pacing.caughtUp(key);
                if (ctx != null) {
                    ctx.eventSourceRetriever()
                            .getControllerEventSource()
                            .handleRecentResourceUpdate(ResourceID.fromResource(actual), written, actual);
                }
                List<StatusNote> notes = change.notes();
                for (StatusNote n : notes) {
                    say(actual, n);
                }
                if (change.becameReady()) {
                    readyTimer.record(spec.readyKind(), actual);
                }
                return new Result<>(written, true, notes, Duration.ZERO);
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    pacing.caughtUp(key);
                    return Result.unchanged(actual);
                }
                if (e.getCode() != 409 && e.getCode() != 422 || attempt == ATTEMPTS) {
                    throw e;
                }
                P fresh = client.resource(actual).get();
                if (fresh == null) {
                    pacing.caughtUp(key);
                    return Result.unchanged(actual);
                }
                if (Objects.equals(
                        fresh.getMetadata().getResourceVersion(),
                        actual.getMetadata().getResourceVersion())) {
                    throw e; // refused although nothing changed: not a race, a bad request
                }
                LOG.debugf(
                        "status of %s %s/%s: version %s changed meanwhile (%d), recomputed on %s",
                        actual.getKind(),
                        actual.getMetadata().getNamespace(),
                        actual.getMetadata().getName(),
                        actual.getMetadata().getResourceVersion(),
                        e.getCode(),
                        fresh.getMetadata().getResourceVersion());
                actual = fresh;
            }
        }
    }

    /** One pace per object and writer: the load balancer's steps do not hold back the route's on the same Service. */
    private static String paceKey(HasMetadata o, StatusSpec<?, ?> spec) {
        String uid = o.getMetadata().getUid();
        return spec.getClass().getName() + "/"
                + (uid != null
                        ? uid
                        : o.getMetadata().getNamespace() + "/" + o.getMetadata().getName());
    }

    private <P extends HasMetadata> P patch(P actual, ArrayNode ops) {
        writes.count(actual.getKind(), "status");
        return client.resource(actual).subresource("status").patch(Writer.context(PatchType.JSON), Json.write(ops));
    }

    private void say(HasMetadata about, StatusNote n) {
        if (n.warning() && n.refusalKind() != null) {
            refusals.refuse(about, n.refusalKind(), n.reason(), n.message());
        } else if (n.warning()) {
            events.warning(about, n.reason(), n.message());
        } else {
            events.normal(about, n.reason(), n.message());
        }
    }
}
