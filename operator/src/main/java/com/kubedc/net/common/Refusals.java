package com.kubedc.net.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A refusal told to the user: one Warning event and one count of
 * {@code kubedc_refusals_total{kind, reason}}. Callers call it on a transition into a refusal
 * reason only (the condition is the memory), so a refusal is counted once, not per reconcile.
 * Reasons are the controllers' reason constants and kinds the fixed ones below: bounded labels.
 */
@ApplicationScoped
public class Refusals {
    public static final String METRIC = "kubedc.refusals";
    public static final String PROJECT = "Project";
    public static final String EIP = "EIp";
    public static final String FIP = "FIp";
    public static final String LOAD_BALANCER = "LoadBalancer";
    public static final String GATEWAY_ROUTE = "GatewayRoute";

    private final Events events;
    private final MeterRegistry registry;

    public Refusals(Events events, MeterRegistry registry) {
        this.events = events;
        this.registry = registry;
    }

    /** {@code about} is refused for {@code reason}: a Warning event and the counter. */
    public void refuse(HasMetadata about, String kind, String reason, String message) {
        events.warning(about, reason, message);
        count(registry, kind, reason);
    }

    /** The counter alone, for a controller that writes its event itself. */
    public static void count(MeterRegistry registry, String kind, String reason) {
        registry.counter(METRIC, "kind", kind, "reason", reason).increment();
    }
}
