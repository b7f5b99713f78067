package com.kubedc.net.support;

import com.kubedc.net.sandbox.ApiServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points every Quarkus test application's Kubernetes client at the JVM's shared real API server
 * (declared once, unrestricted, on {@link TestCluster}).
 */
public class RealApiServerResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        ApiServer.Endpoint s = SharedApiServer.get();
        return Map.of("quarkus.kubernetes-client.api-server-url", s.url(),
                "quarkus.kubernetes-client.token", s.token(),
                "quarkus.kubernetes-client.ca-cert-file", s.caFile());
    }

    @Override
    public void stop() {
        // shared by the whole JVM: stopped at exit
    }
}
