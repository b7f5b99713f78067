package com.kubedc.net.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.kubedc.net.vocabulary.Json;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/** The emulator's writes: status replacement and finalizer edits as JSON Patches, counted. */
final class EmulatorWrites {
    private final KubernetesClient client;
    private final AtomicLong count = new AtomicLong();

    EmulatorWrites(KubernetesClient client) {
        this.client = client;
    }

    long count() {
        return count.get();
    }

    /** Sets {@code /status} unless it already equals {@code status}. */
    void status(HasMetadata o, Object current, Object status) {
        if (Objects.equals(Json.tree(current), Json.tree(status))) {
            return;
        }
        ArrayNode ops = Json.object().arrayNode();
        ops.addObject().put("op", "add").put("path", "/status").set("value", Json.tree(status));
        count.incrementAndGet();
        client.resource(o).subresource("status").patch(PatchContext.of(PatchType.JSON), Json.write(ops));
    }

    void addFinalizer(HasMetadata cached, String finalizer) {
        List<String> f = cached.getMetadata().getFinalizers();
        if (f != null && f.contains(finalizer)) {
            return;
        }
        // re-read: a JSON Patch test against a stale version stalls the mock server (no answer) instead of failing
        HasMetadata o = client.resource(cached).get();
        if (o == null) {
            return;
        }
        f = o.getMetadata().getFinalizers();
        if (f != null && f.contains(finalizer)) {
            return;
        }
        List<String> next = new ArrayList<>(f == null ? List.of() : f);
        next.add(finalizer);
        setFinalizers(o, next);
    }

    void removeFinalizer(HasMetadata cached, String finalizer) {
        List<String> cf = cached.getMetadata().getFinalizers();
        if (cf == null || !cf.contains(finalizer)) {
            return;
        }
        HasMetadata o = client.resource(cached).get();
        List<String> f = o == null ? null : o.getMetadata().getFinalizers();
        if (f == null || !f.contains(finalizer)) {
            return;
        }
        setFinalizers(o, f.stream().filter(x -> !x.equals(finalizer)).toList());
    }

    private void setFinalizers(HasMetadata o, List<String> finalizers) {
        ArrayNode ops = Json.object().arrayNode();
        ops.addObject()
                .put("op", "test")
                .put("path", "/metadata/resourceVersion")
                .put("value", o.getMetadata().getResourceVersion());
        ArrayNode values = ops.arrayNode();
        finalizers.forEach(values::add);
        ops.addObject().put("op", "add").put("path", "/metadata/finalizers").set("value", values);
        count.incrementAndGet();
        try {
            client.resource(o).patch(PatchContext.of(PatchType.JSON), Json.write(ops));
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }

    <T extends HasMetadata> void create(T o) {
        count.incrementAndGet();
        try {
            client.resource(o).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    void delete(HasMetadata o) {
        count.incrementAndGet();
        client.resource(o).delete();
    }
}
