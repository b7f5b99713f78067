package com.kubedc.net.gatewayroute;

import com.kubedc.net.common.StatusNote;
import com.kubedc.net.common.StatusReporter;
import com.kubedc.net.common.Writer;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Clock;

/**
 * Tells the user where a route stands, writing only what changed: our condition through the
 * status reporter (events and the refusal counters on a new reason), and the
 * {@code route-hostname-status} annotation.
 */
final class RouteReport {
    private final Clock clock;
    private final Writer writer;
    private final StatusReporter status;
    private final RouteMetrics metrics;

    RouteReport(Clock clock, Writer writer, StatusReporter status, RouteMetrics metrics) {
        this.clock = clock;
        this.writer = writer;
        this.status = status;
        this.metrics = metrics;
    }

    /** Reports {@code o}; null clears everything of ours (the Service no longer asks for a route). */
    StatusReporter.Result<Service> report(Service s, RouteOutcome o, Context<Service> ctx) {
        var result = status.report(s, ctx, new RouteStatusSpec(o, clock));
        result.notes().stream().filter(StatusNote::warning).forEach(n -> metrics.refused(n.reason()));
        String hostname = o == null ? null : o.hostname();
        if (!RouteStatus.publishes(s, hostname)) {
            writer.annotate(s, Keys.ROUTE_HOSTNAME_STATUS, hostname);
        }
        return result;
    }
}
