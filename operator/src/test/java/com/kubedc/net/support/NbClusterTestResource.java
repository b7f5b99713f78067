package com.kubedc.net.support;

import com.kubedc.net.testkit.LocalNbCluster;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A 3-member clustered OVN NB for the application under test: {@code kube-dc.ovn-db-ips} lists all
 * three members, as production's does. {@link #cluster()} gives test classes the handle (for
 * ovn-nbctl and for killing members).
 */
public class NbClusterTestResource implements QuarkusTestResourceLifecycleManager {
    private static volatile LocalNbCluster current;

    public static LocalNbCluster cluster() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        current = LocalNbCluster.start(3);
        return Map.of("kube-dc.ovn-db-ips", current.endpoints());
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
