package com.kubedc.net.gatewayroute;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code kubedc_gateway_listeners{state=used|limit}} read on scrape from the Gateway cache, and
 * {@code kubedc_gateway_route_refusals_total{reason}} counted when a route is refused (reasons
 * are a fixed set, so the label stays bounded), besides {@code kubedc_refusals_total{kind="GatewayRoute"}} (counted by
 * {@link com.kubedc.net.common.Refusals} with the Warning event).
 */
final class RouteMetrics {
    static final String LISTENERS = "kubedc.gateway.listeners";
    static final String REFUSALS = "kubedc.gateway.route.refusals";
    private final MeterRegistry registry;
    /** The current Gateway cache: replaced when the controller restarts and builds new informers. */
    private volatile Supplier<Optional<Gateway>> gateway = Optional::empty;

    RouteMetrics(MeterRegistry registry) {
        this.registry = registry;
        // a gauge left by an earlier controller instance in this JVM would read a stopped cache: replace it
        registry.find(LISTENERS).meters().forEach(registry::remove);
        Gauge.builder(
                        LISTENERS,
                        () -> gateway.get()
                                .map(g -> g.getSpec() == null || g.getSpec().getListeners() == null
                                        ? 0
                                        : g.getSpec().getListeners().size())
                                .map(Double::valueOf)
                                .orElse(Double.NaN))
                .tag("state", "used")
                .description("listeners on the shared Gateway (all of them, the platform's included)")
                .register(registry);
        Gauge.builder(LISTENERS, () -> ListenerBudget.MAX_LISTENERS)
                .tag("state", "limit")
                .description("listeners a Gateway may hold")
                .register(registry);
    }

    void readFrom(Supplier<Optional<Gateway>> gateway) {
        this.gateway = gateway;
    }

    void refused(String reason) {
        registry.counter(REFUSALS, "reason", reason).increment();
    }
}
