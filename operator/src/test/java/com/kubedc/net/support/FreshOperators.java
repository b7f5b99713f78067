package com.kubedc.net.support;

import com.kubedc.net.common.Events;
import com.kubedc.net.common.ReadyTimer;
import com.kubedc.net.common.WriteCounter;
import com.kubedc.net.common.Writer;
import com.kubedc.net.config.KubeDcConfig;
import com.kubedc.net.eip.EIpReconciler;
import com.kubedc.net.fip.FIpReconciler;
import com.kubedc.net.project.ProjectApply;
import com.kubedc.net.project.ProjectReconciler;
import com.kubedc.net.project.ProjectTeardown;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Starts a controller like the application's, with fresh informers and empty caches: what a pod
 * restart or a leader change gives. It has its own client (stopping the application's operator
 * closes the application's) and the application's retry settings, read from its operator. Tests
 * that use it stop the application's operator first.
 */
@ApplicationScoped
public class FreshOperators {
    private final Operator application;
    private final KubeDcConfig config;
    private final ReadyTimer readyTimer;
    private final Clock clock;
    private final MeterRegistry registry;
    private final WriteCounter counter;
    private final com.kubedc.net.ovn.NbLoadBalancers nb;
    private KubernetesClient client;
    private final java.util.List<Operator> started = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FreshOperators(
            Operator application,
            KubeDcConfig config,
            ReadyTimer readyTimer,
            Clock clock,
            MeterRegistry registry,
            WriteCounter counter,
            com.kubedc.net.ovn.NbLoadBalancers nb) {
        this.nb = nb;
        this.application = application;
        this.config = config;
        this.readyTimer = readyTimer;
        this.clock = clock;
        this.registry = registry;
        this.counter = counter;
    }

    public synchronized Operator start() {
        return start(config);
    }

    /** A fresh operator whose controllers read {@code config} instead of the application's. */
    public synchronized Operator start(KubeDcConfig config) {
        if (client == null) {
            client = TestCluster.get().clientWithAgent("kube-dc-net-restarted");
        }
        Writer writer = new Writer(client, counter);
        Events events = new Events(client, clock, counter);
        com.kubedc.net.common.Refusals refusals = new com.kubedc.net.common.Refusals(events, registry);
        // as in production: SSA for primaries, an informer whose first list fails retries
        Operator op = new Operator(o -> o.withKubernetesClient(client)
                .withCloseClientOnStop(false)
                .withStopOnInformerErrorDuringStartup(false));
        com.kubedc.net.common.StatusReporter status =
                new com.kubedc.net.common.StatusReporter(client, events, refusals, readyTimer, counter, clock, config);
        register(
                op,
                "project",
                new ProjectReconciler(
                        config,
                        new ProjectApply(writer),
                        new ProjectTeardown(writer, events, status, clock, config),
                        status,
                        clock));
        register(op, "eip", new EIpReconciler(clock, writer, status, registry, config));
        register(op, "fip", new FIpReconciler(clock, writer, status, config));
        register(
                op,
                "loadbalancer",
                new com.kubedc.net.loadbalancer.ServiceLbReconciler(
                        clock, writer, events, status, nb, config, registry));
        register(
                op,
                "gatewayroute",
                new com.kubedc.net.gatewayroute.GatewayRouteReconciler(
                        clock, writer, status, client, counter, registry, config));
        started.add(op); // tracked before it starts: an operator that fails half-way must still be stopped
        op.start();
        return op;
    }

    /**
     * Stops the application's operator, then starts a fresh one {@code times} times (stopping the
     * previous), waiting {@code settle} each time and asserting that no restart wrote to the API
     * ({@code alsoAfterEach} adds checks, e.g. OVSDB transactions). Returns the last one, running.
     */
    public Operator restartWithoutWrites(
            TestCluster cluster, int times, java.time.Duration settle, java.util.function.IntConsumer alsoAfterEach)
            throws InterruptedException {
        application.stop();
        Operator current = null;
        for (int i = 1; i <= times; i++) {
            if (current != null) {
                current.stop();
            }
            current = start();
            Thread.sleep(settle.toMillis());
            org.junit.jupiter.api.Assertions.assertEquals(
                    java.util.List.of(), cluster.recorder.controllerWrites(), "restart " + i + " wrote to the API");
            alsoAfterEach.accept(i);
        }
        return current;
    }

    /** Stops every operator this started (tests call it after each test, failed or not). */
    public void stopAll() {
        for (Operator op : started) {
            try {
                op.stop();
            } catch (RuntimeException e) {
                // already stopped
            }
        }
        started.clear();
    }

    private <R extends io.fabric8.kubernetes.api.model.HasMetadata> void register(
            Operator op, String name, Reconciler<R> reconciler) {
        var app = application.getRegisteredController(name).orElseThrow().getConfiguration();
        op.register(reconciler, o -> o.withRetry(app.getRetry()));
    }
}
