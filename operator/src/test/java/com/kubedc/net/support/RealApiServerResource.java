package com.kubedc.net.support;

import com.kubedc.net.testkit.ApiServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points every Quarkus test application's Kubernetes client at the JVM's shared real API server
 * (declared once, unrestricted, on {@link TestCluster}): as an administrator, or, for a test
 * profile that implements {@link AsChartServiceAccount}, as the chart's ServiceAccount with
 * exactly the chart's RBAC installed.
 */
public class RealApiServerResource implements QuarkusTestResourceLifecycleManager {
    /** Marks a test profile whose controller runs with the chart's ServiceAccount and RBAC. */
    public interface AsChartServiceAccount {}

    private boolean asChartServiceAccount;

    @Override
    public void setContext(Context context) {
        String profile = context.testProfile();
        try {
            asChartServiceAccount = profile != null
                    && AsChartServiceAccount.class.isAssignableFrom(
                            Class.forName(profile, false, Thread.currentThread().getContextClassLoader()));
        } catch (ClassNotFoundException e) {
            asChartServiceAccount = false;
        }
    }

    @Override
    public Map<String, String> start() {
        ApiServer.Endpoint s = SharedApiServer.get();
        String token = s.token();
        if (asChartServiceAccount) {
            ChartRbac.install(s);
            token = s.controllerToken();
        }
        return s.clientSettings(token);
    }

    @Override
    public void stop() {
        // shared by the whole JVM: stopped at exit
    }
}
