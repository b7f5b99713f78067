package com.kubedc.net.eip;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kubedc.net.api.v1.EIp;
import com.kubedc.net.api.v1.EIpOwner;
import com.kubedc.net.api.v1.EIpStatus;
import com.kubedc.net.common.ProjectNamespaces;
import com.kubedc.net.common.StatusReporter;
import com.kubedc.net.support.ApiRecorder;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.Services;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.vocabulary.Conditions;
import com.kubedc.net.vocabulary.Keys;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An EIp's {@code status.owners} is right when the system converges: a write computed on a read
 * that another writer changed meanwhile is refused and recomputed, never applied by index to a
 * list that moved; and Services bound and unbound in bursts leave exactly the remaining users.
 */
@Tag("server")
@QuarkusTest
class EIpOwnersUnderRacesTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    StatusReporter reporter;

    @Inject
    Clock clock;

    TestCluster cluster;
    KubernetesClient other;

    @BeforeEach
    void cluster() {
        cluster = TestCluster.get();
        other = cluster.clientWithAgent(ApiRecorder.TEST_USER_AGENT + "-other-writer");
    }

    EIp get(String ns, String name) {
        return cluster.client
                .resources(EIp.class)
                .inNamespace(ns)
                .withName(name)
                .get();
    }

    static EIpOwner lb(String name) {
        return new EIpOwner(EIpOwner.SERVICE_LB, name);
    }

    /** {@code read}'s status with {@code owners}, as the EIp reconciler would compute it on that read. */
    EIpStatusSpec owners(EIp read, List<EIpOwner> owners) {
        EIpStatus next = Serialization.clone(read.getStatus());
        EIpStatusBuilder.applyOwners(next, owners);
        return EIpStatusSpec.of(read, next, clock);
    }

    @Test
    void aWriteComputedBeforeAnotherWriterShrankOrReorderedTheListRemovesNoWrongOwner() {
        String ns = "eip-owner-race";
        if (cluster.client.namespaces().withName(ns).get() == null) {
            cluster.client
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(ns)
                            .endMetadata()
                            .build())
                    .create();
        }
        // outside project namespaces the EIp controller refuses it once; status changes do not bring it back
        // (generation-aware)
        cluster.client.resource(Fixtures.eip(ns, "shared")).create();
        await().atMost(WAIT)
                .until(() -> get(ns, "shared").getStatus() != null
                        && ProjectNamespaces.NOT_A_PROJECT_NAMESPACE.equals(
                                Conditions.reason(get(ns, "shared").getStatus().getConditions(), Conditions.READY)));
        EIp first = get(ns, "shared");
        EIpOwner snat = new EIpOwner(EIpOwner.SNAT, "a");
        assertTrue(reporter.report(first, null, owners(first, List.of(snat, lb("b"), lb("c"))))
                .wrote());
        assertEquals(
                List.of(lb("b"), lb("c"), snat),
                get(ns, "shared").getStatus().getOwners(),
                "sorted by type, then name");

        // we read [b, c, a] and mean to drop c (index 1); meanwhile another writer drops b: [c, a]
        EIp read = get(ns, "shared");
        other.resources(EIp.class)
                .inNamespace(ns)
                .withName("shared")
                .subresource("status")
                .patch(PatchContext.of(PatchType.JSON), "[{\"op\": \"remove\", \"path\": \"/status/owners/0\"}]");
        // removing index 1 now would drop the SNAT owner a and keep c; ours is refused, recomputed and writes the list
        // whole
        var result = reporter.report(read, null, owners(read, List.of(snat, lb("b"))));
        assertTrue(result.wrote());
        assertEquals(List.of(lb("b"), snat), get(ns, "shared").getStatus().getOwners());

        // the list shrinks below the index we would have used (0, to drop b): no error, the right list
        read = get(ns, "shared");
        other.resources(EIp.class)
                .inNamespace(ns)
                .withName("shared")
                .subresource("status")
                .patch(PatchContext.of(PatchType.JSON), "[{\"op\": \"remove\", \"path\": \"/status/owners\"}]");
        assertTrue(reporter.report(read, null, owners(read, List.of(snat))).wrote());
        assertEquals(List.of(snat), get(ns, "shared").getStatus().getOwners());
    }

    @Test
    void servicesBoundAndUnboundInBurstsLeaveExactlyTheRemainingUsersOnceEachAndThenNoWrites() {
        String ns = cluster.readyProject("owners", "churn", "10.62.0.0/24");
        Map<String, String> bind = Map.of(Keys.BIND_ON_DEFAULT_GW, "true");
        IntStream.range(0, 12)
                .parallel()
                .forEach(i -> cluster.client
                        .resource(Services.loadBalancer(ns, "s" + i, bind, "p:" + (8000 + i) + ">80"))
                        .create());
        await().atMost(WAIT).until(() -> lbOwners(ns).size() == 12);
        // unbind half and bind new ones at the same time
        IntStream.range(0, 10).parallel().forEach(i -> {
            if (i < 6) {
                cluster.client
                        .services()
                        .inNamespace(ns)
                        .withName("s" + (2 * i))
                        .delete();
            } else {
                cluster.client
                        .resource(Services.loadBalancer(ns, "n" + i, bind, "p:" + (9000 + i) + ">80"))
                        .create();
            }
        });
        List<String> expected = List.of("n6", "n7", "n8", "n9", "s1", "s11", "s3", "s5", "s7", "s9");
        await().atMost(WAIT).until(() -> expected.equals(lbOwners(ns)));
        cluster.awaitQuiet();
        EIpStatus status = get(ns, "default-gw").getStatus();
        assertEquals(expected, lbOwners(ns), "every remaining Service once, none of the gone ones");
        assertEquals(
                1,
                status.getOwners().stream()
                        .filter(o -> EIpOwner.SNAT.equals(o.getType()))
                        .count(),
                "the project's SNAT once: " + status.getOwners());
        assertEquals(EIpStatus.SHARED, status.getOwnershipType());
    }

    List<String> lbOwners(String ns) {
        EIp e = get(ns, "default-gw");
        return e == null || e.getStatus() == null || e.getStatus().getOwners() == null
                ? List.of()
                : e.getStatus().getOwners().stream()
                        .filter(o -> EIpOwner.SERVICE_LB.equals(o.getType()))
                        .map(EIpOwner::getOwnerRef)
                        .sorted()
                        .toList();
    }
}
