package com.kubedc.net.common;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts our API writes by kind and verb ({@code kubedc_api_writes_total}). */
@ApplicationScoped
public class WriteCounter {
    private final MeterRegistry registry;

    public WriteCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String kind, String verb) {
        registry.counter("kubedc.api.writes", "kind", kind, "verb", verb).increment();
    }
}
