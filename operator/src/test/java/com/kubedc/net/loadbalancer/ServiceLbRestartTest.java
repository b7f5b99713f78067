package com.kubedc.net.loadbalancer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kubedc.net.ovn.NbLoadBalancers;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.FreshOperators;
import com.kubedc.net.support.NbTestResource;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.testkit.LocalNb;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.ServiceAddresses;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Five controller restarts over programmed Services, one of them refused for a port: no API
 * write, no OVSDB transaction, no address or port moves (the port table is rebuilt from all
 * bound Services before anything is accepted).
 */
@Tag("server")
@QuarkusTest
@QuarkusTestResource(value = NbTestResource.class, restrictToAnnotatedClass = true)
class ServiceLbRestartTest {
    @Inject
    FreshOperators operators;

    @Inject
    NbLoadBalancers nbLbs;

    @org.junit.jupiter.api.AfterEach
    void stopRestartedControllers() {
        operators.stopAll();
    }

    @Test
    void restartsMoveNoAddressNoPortAndWriteNothing() throws Exception {
        TestCluster cluster = TestCluster.get();
        LocalNb nb = NbTestResource.server();
        cluster.create(Fixtures.project("rst", "one", "10.30.0.0/24", "cloud"));
        cluster.awaitReady("rst", "one");
        String ns = "rst-one";
        cluster.client
                .resource(Services.loadBalancer(ns, "a", Map.of(Keys.BIND_ON_DEFAULT_GW, "true"), "http:80>80"))
                .create();
        cluster.client
                .resource(Services.slice(ns, "a", List.of("10.30.0.5"), "http=80"))
                .create();
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        !ServiceAddresses.ips(svc(cluster, ns, "a").getStatus()).isEmpty());
        Thread.sleep(1100);
        cluster.client
                .resource(Services.loadBalancer(ns, "b", Map.of(Keys.BIND_ON_DEFAULT_GW, "true"), "web:80>8080"))
                .create();
        cluster.client
                .resource(Services.loadBalancer(ns, "c", Map.of(), "dns:53>53/udp"))
                .create();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> LbReasons.PORT_CONFLICT.equals(reason(cluster, ns, "b"))
                        && !ServiceAddresses.ips(svc(cluster, ns, "c").getStatus())
                                .isEmpty());
        cluster.awaitQuiet();
        Map<String, String> before = state(cluster, ns);
        String rows = nb.nbctl("--bare", "--columns=name,vips", "list", "Load_Balancer");
        long transactions = nbLbs.transactions();

        Operator current = operators.restartWithoutWrites(
                cluster,
                5,
                Duration.ofMillis(1500),
                i -> assertEquals(transactions, nbLbs.transactions(), "restart " + i + " wrote to the NB"));
        assertEquals(before, state(cluster, ns));
        assertEquals(rows, nb.nbctl("--bare", "--columns=name,vips", "list", "Load_Balancer"));
        // the restarted controller is alive: freeing port 80 lets the refused Service in
        cluster.client.resource(svc(cluster, ns, "a")).delete();
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        !ServiceAddresses.ips(svc(cluster, ns, "b").getStatus()).isEmpty());
        current.stop();
    }

    static Service svc(TestCluster c, String ns, String name) {
        return c.client.services().inNamespace(ns).withName(name).get();
    }

    static String reason(TestCluster c, String ns, String name) {
        Service s = svc(c, ns, name);
        return s == null || s.getStatus() == null
                ? null
                : Conditions.reason(s.getStatus().getConditions(), LbReasons.LOAD_BALANCER_READY);
    }

    /** Each Service's ingress and reason. */
    static Map<String, String> state(TestCluster c, String ns) {
        Map<String, String> out = new TreeMap<>();
        for (String n : List.of("a", "b", "c")) {
            out.put(n, ServiceAddresses.ips(svc(c, ns, n).getStatus()) + " " + reason(c, ns, n));
        }
        return out;
    }
}
