package com.kubedc.net.ops;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.quarkiverse.operatorsdk.runtime.CRDUtils;
import io.quarkiverse.operatorsdk.runtime.QuarkusConfigurationService;
import io.quarkiverse.operatorsdk.runtime.QuarkusControllerConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The operator, made as the operator SDK extension makes it (replacing its default bean), with one
 * difference: a controller annotated {@code triggerReconcilerOnAllEvents = true} really gets it.
 * Quarkus Operator SDK 7.4.0 records the flag at build time but its controller configuration never
 * returns it, so the Service controllers, which add and remove their finalizers themselves, would
 * never see a deletion. (Named unlike the extension's {@code OperatorProducer}: the generated client
 * proxies of two producer methods of the same class and method name collide in the packaged jar.)
 */
@Singleton
public class AllEventsOperator {

    @Produces
    @ApplicationScoped
    Operator allEventsOperator(
            QuarkusConfigurationService configuration, Instance<Reconciler<? extends HasMetadata>> reconcilers) {
        var crds = configuration.getCRDGenerationInfo();
        if (crds.isApplyCRDs()) {
            crds.getGenerated().forEach(name -> CRDUtils.applyCRD(configuration.getKubernetesClient(), crds, name));
        }
        Operator operator = new Operator(configuration);
        for (Reconciler<? extends HasMetadata> r : reconcilers) {
            register(operator, configuration, r);
        }
        if (configuration.getTerminationTimeoutSeconds()
                != QuarkusConfigurationService.UNSET_TERMINATION_TIMEOUT_SECONDS) {
            operator.installShutdownHook(Duration.ofSeconds(configuration.getTerminationTimeoutSeconds()));
        }
        return operator;
    }

    private static <P extends HasMetadata> void register(
            Operator operator, QuarkusConfigurationService configuration, Reconciler<P> r) {
        QuarkusControllerConfiguration<P> c = configuration.getConfigurationFor(r);
        if (allEvents(c.getAssociatedReconcilerClassName())) {
            operator.register(r, new AllEvents<>(c, configuration));
        } else {
            operator.register(r);
        }
    }

    /** The extension's configuration of a controller, with every event delivered (it must stay of the extension's type). */
    static final class AllEvents<P extends HasMetadata> extends QuarkusControllerConfiguration<P> {
        AllEvents(QuarkusControllerConfiguration<P> c, QuarkusConfigurationService parent) {
            super(
                    c.getInformerConfig(),
                    c.getName(),
                    c.isGenerationAware(),
                    c.getAssociatedReconcilerClassName(),
                    c.getRetry(),
                    c.getRateLimiter(),
                    c.maxReconciliationInterval().orElse(Duration.ofHours(MaxReconciliationInterval.DEFAULT_INTERVAL)),
                    c.getFinalizerName(),
                    c.fieldManager(),
                    c.getWorkflow(),
                    c.getResourceTypeName(),
                    c.getResourceClass());
            setParent(parent);
        }

        @Override
        public boolean triggerReconcilerOnAllEvents() {
            return true;
        }
    }

    /** Whether the reconciler class (not its CDI subclass) asks for every event. */
    static boolean allEvents(String reconcilerClass) {
        try {
            ControllerConfiguration c = Class.forName(
                            reconcilerClass, false, Thread.currentThread().getContextClassLoader())
                    .getAnnotation(ControllerConfiguration.class);
            return c != null && c.triggerReconcilerOnAllEvents();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("reconciler class " + reconcilerClass + " not found", e);
        }
    }
}
