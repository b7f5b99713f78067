package com.kubedc.net.support;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** Closes the test cluster's emulators when their test application shuts down, while its Vert.x still runs ({@link TestCluster#closeCurrent()}). */
@Singleton
public class TestClusterShutdown {
    void onShutdown(@Observes ShutdownEvent event) {
        TestCluster.closeCurrent();
    }
}
