package com.kubedc.net.apiserver;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.FIp;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.NbTestResource;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.thirdparty.kubeovn.OvnEip;
import com.kubedc.net.thirdparty.kubeovn.OvnFip;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What only a real cluster does: the garbage collector follows our ownerReferences, and a project
 * namespace deleted under objects that carry our finalizers finishes deleting (nothing stuck).
 */
@Tag("server")
@QuarkusTest
@QuarkusTestResource(value = NbTestResource.class, restrictToAnnotatedClass = true)
class GarbageCollectionTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    final TestCluster cluster = TestCluster.get();

    <T extends HasMetadata> T get(Class<T> kind, String ns, String name) {
        return cluster.client.resources(kind).inNamespace(ns).withName(name).get();
    }

    @Test
    void theGarbageCollectorKeepsOurOwnedChildrenWhileTheOwnerLivesAndRemovesThemWithIt() throws InterruptedException {
        String ns = cluster.readyProject("gco", "svc", "10.30.0.0/24");
        Service web = cluster.client
                .resource(Services.loadBalancer(ns, "web", Map.of(), "http:80>80"))
                .create();
        await().atMost(WAIT)
                .until(() -> get(EIp.class, ns, "slb-web") != null && get(Service.class, ns, "web-ext") != null);
        assertEquals(
                web.getMetadata().getUid(),
                get(EIp.class, ns, "slb-web")
                        .getMetadata()
                        .getOwnerReferences()
                        .get(0)
                        .getUid());
        // a dangling reference (wrong uid, kind or version) would make the collector delete the child now
        Thread.sleep(3000);
        assertNotNull(get(EIp.class, ns, "slb-web"), "the collector accepts the EIp's owner reference");
        assertNotNull(get(Service.class, ns, "web-ext"), "and the companion Service's");

        cluster.client
                .services()
                .inNamespace(ns)
                .withName("web")
                .withPropagationPolicy(DeletionPropagation.FOREGROUND)
                .delete();
        await().atMost(WAIT)
                .until(() -> Stream.of(
                                get(Service.class, ns, "web"),
                                get(EIp.class, ns, "slb-web"),
                                get(Service.class, ns, "web-ext"))
                        .allMatch(x -> x == null));
    }

    @Test
    void aProjectNamespaceDeletedUnderOurFinalizersFinishesAndLeavesNoExternalObjects() {
        String ns = cluster.readyProject("gcn", "doomed", "10.31.0.0/24");
        cluster.client.resource(Fixtures.eip(ns, "named")).create();
        cluster.client.resource(Fixtures.fip(ns, "vm", null, "10.31.0.5")).create();
        cluster.client
                .resource(Services.loadBalancer(ns, "web", Map.of(), "http:80>80"))
                .create();
        await().atMost(WAIT)
                .until(() -> ready(get(EIp.class, ns, "named"))
                        && get(FIp.class, ns, "vm") != null
                        && get(FIp.class, ns, "vm").getStatus() != null
                        && get(FIp.class, ns, "vm").getStatus().isReady()
                        && ready(get(EIp.class, ns, "slb-web")));
        List<String> ovnEips = Stream.of("named", "fip-vm", "slb-web")
                .map(n -> get(EIp.class, ns, n).getStatus().getOvnEIpRef())
                .toList();
        String uid =
                cluster.client.namespaces().withName(ns).get().getMetadata().getUid();

        cluster.client.namespaces().withName(ns).delete();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                var now = cluster.client.namespaces().withName(ns).get();
                return now == null || !uid.equals(now.getMetadata().getUid());
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            var now = cluster.client.namespaces().withName(ns).get();
            throw new AssertionError("namespace stuck: " + (now == null ? "" : now.getStatus()), e);
        }
        await().atMost(WAIT)
                .until(() -> ovnEips.stream()
                        .allMatch(n -> cluster.client
                                        .resources(OvnEip.class)
                                        .withName(n)
                                        .get()
                                == null));
        assertTrue(
                cluster.client.resources(OvnFip.class).list().getItems().stream()
                        .noneMatch(o -> ns.equals(o.getSpec().vpc())),
                "the FIp's OvnFip is gone");
    }

    static boolean ready(EIp e) {
        return e != null
                && e.getStatus() != null
                && e.getStatus().isReady()
                && e.getStatus().getOvnEIpRef() != null;
    }
}
