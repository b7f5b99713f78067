package com.kubedc.net.ops;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reconcile metrics with bounded labels (controller, operation, outcome; never an object's name
 * or namespace). Replaces the operator SDK's per-resource metrics, whose series grow with objects.
 */
@Singleton
public class ControllerMetrics implements Metrics {
    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();

    public ControllerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    static String controller(Map<String, Object> metadata) {
        Object name = metadata == null ? null : metadata.get(Constants.CONTROLLER_NAME);
        return name == null ? "unknown" : name.toString();
    }

    @Override
    public void receivedEvent(Event event, Map<String, Object> metadata) {
        registry.counter("kubedc.events.received", "controller", controller(metadata))
                .increment();
    }

    @Override
    public void reconcileCustomResource(HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
        boolean retry = retryInfo != null && retryInfo.getAttemptCount() > 0;
        registry.counter(
                        "kubedc.reconciliations.started",
                        "controller",
                        controller(metadata),
                        "retry",
                        String.valueOf(retry))
                .increment();
    }

    @Override
    public void reconciliationExecutionStarted(HasMetadata resource, Map<String, Object> metadata) {
        gauge(controller(metadata)).incrementAndGet();
    }

    @Override
    public void reconciliationExecutionFinished(HasMetadata resource, Map<String, Object> metadata) {
        gauge(controller(metadata)).decrementAndGet();
    }

    @Override
    public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
        registry.counter("kubedc.reconciliations", "controller", controller(metadata), "outcome", "success")
                .increment();
    }

    @Override
    public void failedReconciliation(HasMetadata resource, Exception exception, Map<String, Object> metadata) {
        registry.counter("kubedc.reconciliations", "controller", controller(metadata), "outcome", "failure")
                .increment();
    }

    @Override
    public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failure";
        try {
            T result = execution.execute();
            outcome = "success";
            return result;
        } finally {
            sample.stop(Timer.builder("kubedc.reconcile.duration")
                    .description("time of one reconcile or cleanup")
                    .tag("controller", execution.controllerName())
                    .tag("operation", execution.name())
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }

    private AtomicInteger gauge(String controller) {
        return inProgress.computeIfAbsent(controller, c -> {
            // replace a gauge an earlier instance in this JVM left in Micrometer's global composite
            registry.find("kubedc.reconciliations.in.progress")
                    .tag("controller", c)
                    .meters()
                    .forEach(registry::remove);
            return registry.gauge(
                    "kubedc.reconciliations.in.progress",
                    io.micrometer.core.instrument.Tags.of("controller", c),
                    new AtomicInteger());
        });
    }
}
