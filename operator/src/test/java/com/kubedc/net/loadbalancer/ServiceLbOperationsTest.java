package com.kubedc.net.loadbalancer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.ovn.NbLoadBalancers;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.NbTestResource;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.testkit.LocalNb;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import com.kubedc.net.vocabulary.ServiceAddresses;
import io.fabric8.kubernetes.api.model.Service;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What happens to programmed load balancers over time: drift, orphans, an NB restart, no-op reconciles. */
@Tag("server")
@QuarkusTest
@QuarkusTestResource(value = NbTestResource.class, restrictToAnnotatedClass = true)
class ServiceLbOperationsTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    NbLoadBalancers nbLbs;

    TestCluster cluster;
    LocalNb nb;

    @BeforeEach
    void cluster() {
        cluster = TestCluster.get();
        nb = NbTestResource.server();
    }

    String project(String name, String cidr) {
        cluster.create(Fixtures.project("ops", name, cidr, "cloud"));
        cluster.awaitReady("ops", name);
        return "ops-" + name;
    }

    Service get(String ns, String name) {
        return cluster.client.services().inNamespace(ns).withName(name).get();
    }

    String exposed(String ns, String name) {
        cluster.client
                .resource(Services.loadBalancer(ns, name, Map.of(Keys.BIND_ON_DEFAULT_GW, "true"), "http:80>8080"))
                .create();
        cluster.client
                .resource(Services.slice(ns, name, List.of("10.20.0.5"), "http=8080"))
                .create();
        await().atMost(WAIT)
                .until(() -> !ServiceAddresses.ips(get(ns, name).getStatus()).isEmpty());
        String ip = ServiceAddresses.ips(get(ns, name).getStatus()).get(0);
        await().atMost(WAIT).until(() -> vips(ns + "-" + name + "-tcp").equals(ip + ":80=10.20.0.5:8080"));
        return ip;
    }

    String vips(String lb) {
        return nb.nbctl("--bare", "--columns=vips", "find", "Load_Balancer", "name=" + lb)
                .trim();
    }

    String uuid(String lb) {
        return nb.nbctl("--bare", "--columns=_uuid", "find", "Load_Balancer", "name=" + lb)
                .trim();
    }

    String routerLbs(String ns) {
        return nb.nbctl("--bare", "--columns=load_balancer", "find", "Logical_Router", "name=" + ns)
                .trim();
    }

    @Test
    void rowsDeletedEditedOrDetachedBehindOurBackAreRepairedFromTheMonitor() {
        String ns = project("drift", "10.20.0.0/24");
        String ip = exposed(ns, "web");
        String lb = ns + "-web-tcp";

        nb.nbctl("lb-del", lb);
        await().atMost(WAIT).until(() -> vips(lb).equals(ip + ":80=10.20.0.5:8080"));
        await().atMost(WAIT).until(() -> routerLbs(ns).contains(uuid(lb)));

        nb.nbctl("set", "Load_Balancer", uuid(lb), "vips={\"9.9.9.9:80\"=\"6.6.6.6:80\"}");
        await().atMost(WAIT).until(() -> vips(lb).equals(ip + ":80=10.20.0.5:8080"));

        nb.nbctl("lr-lb-del", ns, uuid(lb));
        await().atMost(WAIT).until(() -> routerLbs(ns).contains(uuid(lb)));
        assertEquals(
                1,
                nb.nbctl("--bare", "--columns=name", "find", "Load_Balancer", "name=" + lb)
                        .trim()
                        .lines()
                        .count(),
                "no duplicate row");
    }

    @Test
    void rowsWhoseServiceIsGoneAreSweptAndRowsNotOursAreLeftAlone() {
        String ns = project("sweep", "10.20.1.0/24");
        nb.nbctl("lb-add", "foreign-lb", "100.65.9.9:80", "10.0.0.9:80", "tcp");
        nb.nbctl("lb-add", ns + "-ghost-tcp", "100.65.9.8:80", "10.0.0.8:80", "tcp");
        nb.nbctl(
                "set",
                "Load_Balancer",
                uuid(ns + "-ghost-tcp"),
                "external_ids:\"kube-dc.com/owner\"=\"" + ns + "/ghost\"",
                "external_ids:\"kube-dc.com/managed-by\"=kube-dc-net");
        await().atMost(WAIT).until(() -> uuid(ns + "-ghost-tcp").isEmpty());
        assertTrue(!uuid("foreign-lb").isEmpty(), "a load balancer without our tag is not ours to delete");
    }

    @Test
    void afterAnNbRestartPendingServicesAreProgrammedAndExistingRowsStay() {
        String ns = project("restart", "10.20.2.0/24");
        String ip = exposed(ns, "kept");
        nb.stop();
        await().atMost(WAIT).until(() -> !nbLbs.ready());
        cluster.client
                .resource(Services.loadBalancer(ns, "late", Map.of(Keys.BIND_ON_DEFAULT_GW, "true"), "ssh:2222>22"))
                .create();
        await().atMost(WAIT).until(() -> LbReasons.WAITING_FOR_OVN.equals(reason(ns, "late")));
        nb.restart();
        await().atMost(WAIT)
                .until(() -> !ServiceAddresses.ips(get(ns, "late").getStatus()).isEmpty());
        assertEquals(ip + ":2222=", vips(ns + "-late-tcp"));
        assertEquals(ip + ":80=10.20.0.5:8080", vips(ns + "-kept-tcp"), "the row made before the restart is unchanged");
    }

    @Test
    void anNbRestartedEmptyIsReprogrammedWholeWithinSeconds() {
        String ns = project("empty", "10.20.4.0/24");
        String ip = exposed(ns, "first");
        cluster.client
                .resource(Services.loadBalancer(ns, "second", Map.of(Keys.BIND_ON_DEFAULT_GW, "true"), "ssh:2222>22"))
                .create();
        await().atMost(WAIT).until(() -> vips(ns + "-second-tcp").equals(ip + ":2222="));
        nb.restartEmpty(); // its storage lost: no row of ours, no router of Kube-OVN's
        await().atMost(WAIT)
                .until(() -> vips(ns + "-first-tcp").equals(ip + ":80=10.20.0.5:8080")
                        && vips(ns + "-second-tcp").equals(ip + ":2222=")
                        && routerLbs(ns).contains(uuid(ns + "-first-tcp")));
        assertEquals(ip, ServiceAddresses.ips(get(ns, "first").getStatus()).get(0), "the address did not move");
    }

    @Test
    void aConvergedServiceReconciledAgainWritesNothingToTheApiOrTheNb() throws Exception {
        String ns = project("noop", "10.20.3.0/24");
        exposed(ns, "quiet");
        Thread.sleep(1500);
        cluster.recorder.reset();
        long before = nbLbs.transactions();
        cluster.client.services().inNamespace(ns).withName("quiet").edit(s -> {
            s.getMetadata().getAnnotations().put("example.com/touch", "1");
            return s;
        });
        Thread.sleep(1500);
        assertEquals(List.of(), cluster.recorder.controllerWrites());
        assertEquals(before, nbLbs.transactions(), "no OVSDB transaction");
    }

    String reason(String ns, String name) {
        Service s = get(ns, name);
        return s == null || s.getStatus() == null
                ? null
                : Conditions.reason(s.getStatus().getConditions(), LbReasons.LOAD_BALANCER_READY);
    }

    EIp eip(String ns, String name) {
        return cluster.client
                .resources(EIp.class)
                .inNamespace(ns)
                .withName(name)
                .get();
    }
}
