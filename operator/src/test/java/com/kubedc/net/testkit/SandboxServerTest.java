package com.kubedc.net.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.kubedc.net.api.v1.Project;
import com.kubedc.net.api.v1.ProjectStatus;
import com.kubedc.net.support.Fixtures;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox's mock fallback keeps what the controller writes the way it writes it (with its field manager). */
class SandboxServerTest {
    final SandboxServer server = SandboxServer.start(0);
    final KubernetesClient client = server.client("sandbox-server-test");

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** A patch as the controller sends it: with its field manager (which the mock used to answer 202 and drop). */
    static PatchContext asTheController(PatchType type) {
        PatchContext p = PatchContext.of(type);
        p.setFieldManager("kube-dc-net");
        return p;
    }

    @Test
    void aStatusPatchWithAFieldManagerIsStored() {
        Project created = client.resource(Fixtures.project("org", "p", "10.0.0.0/24", "cloud"))
                .create();
        PatchContext asTheController = asTheController(PatchType.JSON);
        String ops = "[{\"op\":\"test\",\"path\":\"/metadata/resourceVersion\",\"value\":\""
                + created.getMetadata().getResourceVersion()
                + "\"},{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"ready\":true,\"namespace\":\"org-p\"}}]";

        Project answered = client.resource(created).subresource("status").patch(asTheController, ops);

        Project stored = client.resource(created).get();
        ProjectStatus status = stored.getStatus();
        assertNotNull(status, "the mock answered " + answered.getStatus() + " but kept no status");
        assertEquals("org-p", status.getNamespace());
        assertEquals(true, status.isReady());
    }

    @Test
    void aMergePatchWithAFieldManagerIsStored() {
        Project created = client.resource(Fixtures.project("org", "q", "10.0.1.0/24", "cloud"))
                .create();

        client.resource(created)
                .patch(asTheController(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}");

        assertEquals(
                "b", client.resource(created).get().getMetadata().getLabels().get("a"));
    }
}
