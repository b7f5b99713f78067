package com.kubedc.net.loadbalancer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.kubedc.net.ovn.NbLoadBalancers;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.NbClusterTestResource;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.testkit.LocalNbCluster;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.ServiceAddresses;
import io.fabric8.kubernetes.api.model.Service;
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
 * The OVN NB as production runs it: a 3-member Raft cluster, {@code kube-dc.ovn-db-ips} listing
 * all three. The leader is killed while load balancers are programmed: the client finds the new
 * leader, and afterwards every Service has exactly one row with its VIPs, none lost, none twice.
 */
@Tag("server")
@QuarkusTest
@QuarkusTestResource(value = NbClusterTestResource.class, restrictToAnnotatedClass = true)
class ClusteredNbFailoverTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String NS = "raft-web";

    @Inject
    NbLoadBalancers nbLbs;

    TestCluster cluster = TestCluster.get();
    LocalNbCluster nb = NbClusterTestResource.cluster();

    Service get(String ns, String name) {
        return cluster.client.services().inNamespace(ns).withName(name).get();
    }

    /** Service {@code name} on the project's default gateway address, port {@code port} (one port per Service). */
    void expose(String ns, String name, int port, String backend) {
        cluster.client
                .resource(Services.loadBalancer(
                        ns, name, Map.of(Keys.BIND_ON_DEFAULT_GW, "true"), "http:" + port + ">8080"))
                .create();
        cluster.client
                .resource(Services.slice(ns, name, List.of(backend), "http=8080"))
                .create();
    }

    /**
     * Every load balancer row of ours for this test's namespace, name → vips (a name seen twice
     * fails); the NB also gets the rows of Services other test classes left in the shared cluster.
     */
    Map<String, String> rows() {
        Map<String, String> out = new TreeMap<>();
        for (String line : nb.nbctl(
                        "--bare",
                        "--columns=name,vips",
                        "--format=csv",
                        "--no-headings",
                        "find",
                        "Load_Balancer",
                        "external_ids:\"kube-dc.com/managed-by\"=kube-dc-net")
                .trim()
                .lines()
                .toList()) {
            if (line.isBlank()) {
                continue;
            }
            String name = line.substring(0, line.indexOf(','));
            if (!name.startsWith(NS + "-")) {
                continue;
            }
            String previous =
                    out.put(name, line.substring(line.indexOf(',') + 1).replace("\"", ""));
            assertEquals(null, previous, "a second row for " + name);
        }
        return out;
    }

    String expected(String ns, String name, int port, String backend) {
        String ip = ServiceAddresses.ips(get(ns, name).getStatus()).get(0);
        return ip + ":" + port + "=" + backend + ":8080";
    }

    @Test
    void killingTheLeaderLosesNoLoadBalancerAndWritesNoneTwice() {
        cluster.create(Fixtures.project("raft", "web", "10.21.0.0/24", "cloud"));
        cluster.awaitReady("raft", "web");
        String ns = NS;
        for (int i = 0; i < 3; i++) {
            expose(ns, "before" + i, 8000 + i, "10.21.0." + (10 + i));
        }
        await().atMost(WAIT).until(() -> rows().size() == 3);

        int leader = nb.leader().orElseThrow();
        nb.kill(leader);
        for (int i = 0; i < 3; i++) {
            expose(ns, "after" + i, 8100 + i, "10.21.0." + (20 + i)); // while the cluster elects a new leader
        }
        await().atMost(WAIT).until(() -> nb.leader().isPresent());
        assertNotEquals(leader, nb.leader().get(), "a surviving member leads");
        await().atMost(WAIT).until(() -> rows().size() == 6 && nbLbs.ready());

        nb.restart(leader); // back as a follower, with the log it had
        Map<String, String> rows = rows();
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    expected(ns, "before" + i, 8000 + i, "10.21.0." + (10 + i)), rows.get(ns + "-before" + i + "-tcp"));
            assertEquals(
                    expected(ns, "after" + i, 8100 + i, "10.21.0." + (20 + i)), rows.get(ns + "-after" + i + "-tcp"));
        }
        assertEquals(6, rows.size(), "one row per Service: " + rows.keySet());
    }
}
