package com.kubedc.net.loadbalancer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.NbTestResource;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Service;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code service.nlb.kube-dc.com/autodelete} on the real API server with a 4 s grace period: a
 * Service left without a ready endpoint is deleted once the grace is over (a Warning first, its EIp
 * kept); one whose endpoints become ready within the grace stays.
 */
@Tag("server")
@QuarkusTest
@TestProfile(ServiceAutoDeleteTest.ShortGrace.class)
@QuarkusTestResource(value = NbTestResource.class, restrictToAnnotatedClass = true)
class ServiceAutoDeleteTest {
    static final Duration GRACE = Duration.ofSeconds(4);
    static final Duration WAIT = Duration.ofSeconds(30);

    public static class ShortGrace implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kube-dc.lb-autodelete-grace", GRACE.toSeconds() + "s");
        }
    }

    @Inject
    MeterRegistry registry;

    Service get(TestCluster c, String ns, String name) {
        return c.client.services().inNamespace(ns).withName(name).get();
    }

    /** The autodelete condition, once True (no ready endpoint). */
    Condition awaitNoEndpoints(TestCluster c, String ns, String name) {
        await().atMost(WAIT).until(() -> {
            Service s = get(c, ns, name);
            return s != null
                    && s.getStatus() != null
                    && Conditions.isTrue(s.getStatus().getConditions(), AutoDelete.CONDITION);
        });
        return Conditions.find(get(c, ns, name).getStatus().getConditions(), AutoDelete.CONDITION)
                .orElseThrow();
    }

    List<Event> autoDeleting(TestCluster c, String ns, String name) {
        return c.events(ns, name).stream()
                .filter(e -> AutoDelete.AUTO_DELETING.equals(e.getReason()))
                .toList();
    }

    @Test
    void aServiceWithoutReadyEndpointsIsDeletedAfterTheGraceWithAWarningAndItsEIpStays() {
        TestCluster cluster = TestCluster.get();
        String ns = cluster.readyProject("adel", "gone", "10.52.0.0/24");
        cluster.client.resource(Fixtures.eip(ns, "keep")).create();
        double before = registry.counter(ServiceLbReconciler.AUTODELETED).count();
        cluster.client
                .resource(Services.loadBalancer(
                        ns, "web", Map.of(Keys.AUTODELETE, "true", Keys.BIND_ON_EIP, "keep"), "http:80>80"))
                .create();
        Instant since = Instant.parse(awaitNoEndpoints(cluster, ns, "web").getLastTransitionTime());

        await().atMost(WAIT).until(() -> get(cluster, ns, "web") == null);
        List<Event> warned = autoDeleting(cluster, ns, "web");
        assertEquals(1, warned.size(), "one AutoDeleting event");
        assertEquals("Warning", warned.get(0).getType());
        Instant at = Instant.parse(warned.get(0).getFirstTimestamp());
        assertFalse(
                at.isBefore(since.plus(GRACE)),
                "deleted at " + at + ", no ready endpoint since " + since + ": not before the grace ended");
        EIp keep = cluster.client
                .resources(EIp.class)
                .inNamespace(ns)
                .withName("keep")
                .get();
        assertNotNull(keep, "the EIp stays");
        assertTrue(keep.getMetadata().getDeletionTimestamp() == null, "the EIp is not being deleted");
        assertEquals(
                before + 1, registry.counter(ServiceLbReconciler.AUTODELETED).count());
    }

    @Test
    void aServiceWhoseEndpointsBecomeReadyWithinTheGraceIsKept() throws InterruptedException {
        TestCluster cluster = TestCluster.get();
        String ns = cluster.readyProject("adel", "kept", "10.52.1.0/24");
        cluster.client
                .resource(Services.loadBalancer(
                        ns, "web", Map.of(Keys.AUTODELETE, "true", Keys.BIND_ON_DEFAULT_GW, "true"), "http:80>80"))
                .create();
        Instant since = Instant.parse(awaitNoEndpoints(cluster, ns, "web").getLastTransitionTime());
        cluster.client
                .resource(Services.slice(ns, "web", List.of("10.52.1.5"), "http=80"))
                .create();
        await().atMost(WAIT)
                .until(() -> AutoDelete.HAS_READY_ENDPOINTS.equals(
                        Conditions.reason(get(cluster, ns, "web").getStatus().getConditions(), AutoDelete.CONDITION)));

        // the deadline the controller had set passes (plus a margin for a reschedule in flight)
        Duration untilPast = Duration.between(Instant.now(), since.plus(GRACE).plusSeconds(2));
        if (!untilPast.isNegative()) {
            Thread.sleep(untilPast.toMillis());
        }
        cluster.awaitQuiet();
        Service s = get(cluster, ns, "web");
        assertNotNull(s, "kept");
        assertTrue(s.getMetadata().getDeletionTimestamp() == null, "not being deleted");
        assertEquals(List.of(), autoDeleting(cluster, ns, "web"));
    }
}
