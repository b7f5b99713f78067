package com.kubedc.net.project;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.kubedc.net.api.v1.Project;
import com.kubedc.net.support.ApiRecorder;
import com.kubedc.net.support.Fixtures;
import com.kubedc.net.support.TestCluster;
import com.kubedc.net.vocabulary.Conditions;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code status.quotaUsage} and {@code status.security} belong to upstream's quota and security
 * controllers (spec §2.1): our status writes (server-side apply while reconciling, JSON Patch while
 * tearing down) leave them byte for byte as those controllers wrote them, and never own them.
 */
@Tag("server")
@QuarkusTest
class OtherControllersStatusTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String ORG = "others";
    static final String QUOTA_MANAGER = "kube-dc-quota";
    static final String SECURITY_MANAGER = "kube-dc-security";
    /** Keeps the Project readable after our teardown is complete and our finalizer is gone. */
    static final String HOLD = "example.com/hold";

    static final String QUOTA = """
            {"cpu": {"hard": "8", "used": "1500m"}, "memory": {"hard": "16Gi", "used": "2560Mi"},
             "storage": {"hard": "100Gi", "used": "47.3Gi"}, "pods": {"hard": "50", "used": "12"},
             "cpuBreakdown": {"platformOverhead": "0.5", "workloads": "1"},
             "accelerators": {"nvidia-a10-24q": {"devices": {"hard": "2", "used": "1"}, "memoryMiB": {"hard": "49152", "used": "24576"}}},
             "perProjectQuotaSet": true, "lastUpdated": "2026-01-01T12:00:00Z"}""";
    static final String SECURITY = """
            {"secretsManager": {"count": 3, "ready": true, "synced": 2, "expiringSoon": 0},
             "certificateManager": {"count": 1, "ready": true, "synced": 0, "expiringSoon": 1},
             "kms": {"count": 0, "ready": true}, "databaseCredentials": {"count": 0, "ready": false},
             "conditions": [{"type": "OpenBaoProjectReady", "status": "True", "reason": "Ready", "message": "mount ready",
                             "lastTransitionTime": "2026-01-01T12:00:00Z", "observedGeneration": 1}],
             "kvMount": "kv/others-keep", "secretStoreName": "openbao", "syncServiceAccount": "openbao-external-secrets"}""";

    TestCluster cluster;
    KubernetesClient others;

    @BeforeEach
    void cluster() {
        cluster = TestCluster.get();
        // the test's user agent: the API recorder does not count these writes as the controller's
        others = cluster.clientWithAgent(ApiRecorder.TEST_USER_AGENT + "-other-controllers");
    }

    /** The quota controller's merge patch and the security aggregator's server-side apply of status. */
    void otherControllersWriteTheirStatus(String name) {
        PatchContext merge = new PatchContext.Builder()
                .withPatchType(PatchType.JSON_MERGE)
                .withFieldManager(QUOTA_MANAGER)
                .build();
        others.resources(Project.class)
                .inNamespace(ORG)
                .withName(name)
                .subresource("status")
                .patch(merge, "{\"status\": {\"quotaUsage\": " + QUOTA + "}}");
        PatchContext apply = new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager(SECURITY_MANAGER)
                .withForce(true)
                .build();
        others.resources(Project.class)
                .inNamespace(ORG)
                .withName(name)
                .subresource("status")
                .patch(apply, """
                {"apiVersion": "kube-dc.com/v1", "kind": "Project", "metadata": {"name": "%s", "namespace": "%s"},
                 "status": {"security": %s}}""".formatted(name, ORG, SECURITY));
    }

    /** The Project exactly as the API server returns it. */
    JsonNode raw(String name) {
        return Serialization.unmarshal(
                cluster.client.raw(
                        cluster.client.getMasterUrl() + "apis/kube-dc.com/v1/namespaces/" + ORG + "/projects/" + name),
                JsonNode.class);
    }

    /** The serialized {@code status.quotaUsage} and {@code status.security} as the server returns them. */
    List<String> othersFields(String name) {
        JsonNode status = raw(name).path("status");
        return List.of(Serialization.asJson(status.path("quotaUsage")), Serialization.asJson(status.path("security")));
    }

    /** Field managers owning {@code field} of status. */
    Set<String> owners(String name, String field) {
        Set<String> out = new TreeSet<>();
        for (ManagedFieldsEntry m : cluster.get(ORG, name).getMetadata().getManagedFields()) {
            if (m.getFieldsV1() != null && Serialization.asJson(m.getFieldsV1()).contains("\"f:" + field + "\"")) {
                out.add(m.getManager());
            }
        }
        return out;
    }

    void assertUntouched(String name, List<String> written) {
        assertEquals(written, othersFields(name));
        assertEquals(Set.of(QUOTA_MANAGER), owners(name, "quotaUsage"));
        assertEquals(Set.of(SECURITY_MANAGER), owners(name, "security"));
    }

    String readyReason(String name) {
        Project p = cluster.get(ORG, name);
        return p == null || p.getStatus() == null
                ? null
                : Conditions.reason(p.getStatus().getConditions(), Conditions.READY);
    }

    @Test
    void theirFieldsSurviveEveryStatusWriteOfOursFromReadyThroughBadInputToTeardown() {
        Project p = Fixtures.project(ORG, "keep", "10.7.0.0/24", "cloud");
        p.getMetadata().setFinalizers(List.of(HOLD));
        cluster.create(p);
        cluster.awaitReady(ORG, "keep");
        otherControllersWriteTheirStatus("keep");
        List<String> written = othersFields("keep");
        assertEquals(
                Serialization.unmarshal(QUOTA, JsonNode.class),
                Serialization.unmarshal(written.get(0), JsonNode.class));
        assertEquals(
                Serialization.unmarshal(SECURITY, JsonNode.class),
                Serialization.unmarshal(written.get(1), JsonNode.class));

        // a status change of ours (server-side apply): bad input, then good again
        cluster.client
                .resources(Project.class)
                .inNamespace(ORG)
                .withName("keep")
                .edit(x -> {
                    x.getSpec().setCidrBlock("10.7.0/24");
                    return x;
                });
        await().atMost(WAIT).until(() -> Reasons.INVALID_CIDR.equals(readyReason("keep")));
        assertUntouched("keep", written);
        cluster.client
                .resources(Project.class)
                .inNamespace(ORG)
                .withName("keep")
                .edit(x -> {
                    x.getSpec().setCidrBlock("10.7.0.0/24");
                    return x;
                });
        cluster.awaitReady(ORG, "keep");
        assertUntouched("keep", written);

        // teardown (JSON Patch of our status fields) until our finalizer is gone; HOLD keeps the object readable
        cluster.client
                .resources(Project.class)
                .inNamespace(ORG)
                .withName("keep")
                .delete();
        await().atMost(WAIT)
                .until(() -> List.of(HOLD)
                        .equals(cluster.get(ORG, "keep").getMetadata().getFinalizers()));
        Project gone = cluster.get(ORG, "keep");
        assertTrue(
                Conditions.find(gone.getStatus().getConditions(), Reasons.TERMINATING)
                        .isPresent(),
                "our teardown wrote its status");
        assertEquals(null, cluster.client.namespaces().withName("others-keep").get());
        assertUntouched("keep", written);

        cluster.client
                .resources(Project.class)
                .inNamespace(ORG)
                .withName("keep")
                .edit(x -> {
                    x.getMetadata().getFinalizers().remove(HOLD);
                    return x;
                });
        await().atMost(WAIT).until(() -> cluster.get(ORG, "keep") == null);
    }

    @Test
    void aStatusWriteByAnotherControllerCostsTheControllerNoWrite() throws InterruptedException {
        cluster.create(Fixtures.project(ORG, "calm", "10.8.0.0/24", "cloud"));
        cluster.awaitReady(ORG, "calm");
        cluster.awaitQuiet();
        otherControllersWriteTheirStatus("calm");
        Thread.sleep(1500);
        assertEquals(List.of(), cluster.recorder.controllerWrites());
        assertUntouched("calm", othersFields("calm"));
    }
}
