package com.kubedc.net.loadbalancer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.NbTestResource;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.ServiceAddresses;
import io.fabric8.kubernetes.api.model.Service;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code bind-on-eip} names an EIp of the Service's own namespace: {@code <ns>/<eip>} of another tenant is never bound. */
@Tag("server")
@QuarkusTest
@QuarkusTestResource(value = NbTestResource.class, restrictToAnnotatedClass = true)
class ServiceLbCrossNamespaceTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    TestCluster cluster;

    @BeforeEach
    void cluster() {
        cluster = TestCluster.get();
    }

    @Test
    void anotherTenantsEIpNamedAsNamespaceSlashNameIsNotFoundAndStaysUntouched() {
        String theirs = cluster.readyProject("lbx", "owner", "10.48.0.0/24");
        String mine = cluster.readyProject("lbx", "taker", "10.49.0.0/24");
        cluster.client.resource(Fixtures.eip(theirs, "shared")).create();
        await().atMost(WAIT).until(() -> {
            EIp e = eip(theirs, "shared");
            return e.getStatus() != null && e.getStatus().isReady();
        });
        EIp before = eip(theirs, "shared");

        cluster.client
                .resource(
                        Services.loadBalancer(mine, "web", Map.of(Keys.BIND_ON_EIP, theirs + "/shared"), "http:80>80"))
                .create();
        await().atMost(WAIT).until(() -> LbReasons.EIP_NOT_FOUND.equals(reason(mine, "web")));
        cluster.awaitQuiet();

        assertEquals(List.of(), ServiceAddresses.ips(get(mine, "web").getStatus()), "no address of the other tenant");
        assertEquals(
                1,
                cluster.events(mine, "web").stream()
                        .filter(e -> "Warning".equals(e.getType()) && LbReasons.EIP_NOT_FOUND.equals(e.getReason()))
                        .count());
        EIp after = eip(theirs, "shared");
        assertEquals(
                before.getStatus().getOwners(), after.getStatus().getOwners(), "the other tenant's EIp gains no owner");
        assertTrue(after.getStatus().isReady());
    }

    EIp eip(String ns, String name) {
        return cluster.client
                .resources(EIp.class)
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    Service get(String ns, String name) {
        return cluster.client.services().inNamespace(ns).withName(name).get();
    }

    String reason(String ns, String name) {
        Service s = get(ns, name);
        return s == null || s.getStatus() == null
                ? null
                : Conditions.reason(s.getStatus().getConditions(), LbReasons.LOAD_BALANCER_READY);
    }
}
