package com.kubedc.net.ops;

import io.javaoperatorsdk.operator.Operator;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * Starts and stops the operator with the application. The operator SDK extension does this itself
 * only for applications without a QuarkusApplication class, and ours has one (the sandbox).
 */
@Singleton
public class OperatorLifecycle {
    private static final Logger LOG = Logger.getLogger(OperatorLifecycle.class);
    private final Operator operator;

    public OperatorLifecycle(Operator operator) {
        this.operator = operator;
    }

    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 123) StartupEvent event) {
        LOG.infof("starting %d controllers", operator.getRegisteredControllersNumber());
        operator.start();
    }

    void stop(@Observes ShutdownEvent event) {
        operator.stop();
    }
}
