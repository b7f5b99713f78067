package com.kubedc.net.gatewayroute;

import com.kubedc.net.vocabulary.Keys;

import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.common.Events;
import com.kubedc.net.common.Writer;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.time.Clock;
import java.util.Objects;

/**
 * Tells the user where a route stands, writing only what changed: an event and the refusal
 * counter on a new reason, our condition (through the operator SDK, so the next reconcile sees it
 * before the informer does), and the {@code route-hostname-status} annotation.
 */
final class RouteReport {
    private final Clock clock;
    private final Writer writer;
    private final Events events;
    private final RouteMetrics metrics;

    RouteReport(Clock clock, Writer writer, Events events, RouteMetrics metrics) {
        this.clock = clock;
        this.writer = writer;
        this.events = events;
        this.metrics = metrics;
    }

    /** Reports {@code o}; null clears everything of ours (the Service no longer asks for a route). */
    void report(Service s, RouteOutcome o, Context<Service> ctx) {
        String was = s.getStatus() == null ? null : Conditions.reason(s.getStatus().getConditions(), RouteReasons.ROUTE_READY);
        if (o != null && !Objects.equals(was, o.reason())) {
            if (RouteReasons.isProblem(o.reason())) {
                events.warning(s, o.reason(), o.message());
                metrics.refused(o.reason());
            } else if (o.ready()) {
                events.normal(s, o.reason(), o.message());
            }
        }
        if (!RouteStatus.same(s, RouteStatus.conditions(s, o, clock))) {
            PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(s, ctx, x -> RouteStatus.withConditions(x, RouteStatus.conditions(x, o, clock)));
        }
        String hostname = o == null ? null : o.hostname();
        if (!RouteStatus.publishes(s, hostname)) {
            writer.annotate(s, Keys.ROUTE_HOSTNAME_STATUS, hostname);
        }
    }
}
