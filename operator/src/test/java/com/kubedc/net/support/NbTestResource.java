package com.kubedc.net.support;

import com.kubedc.net.testkit.LocalNb;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real OVN NB ovsdb-server for the application under test: {@code kube-dc.ovn-db-ips} points at
 * it. Test classes that program load balancers declare it; {@link #server()} gives them the handle
 * (for ovn-nbctl and for killing/restarting it).
 */
public class NbTestResource implements QuarkusTestResourceLifecycleManager {
    private static volatile LocalNb current;

    public static LocalNb server() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        current = LocalNb.start();
        return Map.of("kube-dc.ovn-db-ips", current.endpoint());
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
