package com.kubedc.net.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kubedc.net.vocabulary.Json;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The one write path, in production and tests: create, JSON Patch of exactly the fields we own,
 * a merge patch of one annotation, delete; every patch under our field manager. Status is
 * written by {@link StatusReporter} alone. No whole-object
 * update of objects another controller also writes (that would erase its fields).
 */
@ApplicationScoped
public class Writer {
    /** The parts of an object a desired fragment may set. */
    static final List<String> OWNED_TOP_LEVEL = List.of("spec", "data", "stringData", "subsets");
    /** Our field manager (managedFields show which fields are ours). */
    public static final String FIELD_MANAGER = "kube-dc-net";

    private final KubernetesClient client;
    private final WriteCounter writes;
    private final IssuedDeletes issuedDeletes = new IssuedDeletes();

    public Writer(KubernetesClient client, WriteCounter writes) {
        this.client = client;
        this.writes = writes;
    }

    /** Creates {@code desired}; if the name is taken returns what holds it (ours or not: the caller checks). */
    public <T extends HasMetadata> T create(T desired) {
        try {
            writes.count(desired.getKind(), "create");
            return client.resource(desired).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                return client.resource(desired).get();
            }
            throw e;
        }
    }

    /** The fragment of {@code desired} we own: labels, annotations, finalizers we set, and the spec. */
    public static ObjectNode fragment(HasMetadata desired) {
        JsonNode full = Json.tree(desired);
        ObjectNode out = Json.object();
        ObjectNode meta = out.putObject("metadata");
        for (String k : List.of("labels", "annotations")) {
            if (full.path("metadata").has(k)) {
                meta.set(k, full.path("metadata").get(k));
            }
        }
        for (String k : OWNED_TOP_LEVEL) {
            if (full.has(k)) {
                out.set(k, full.get(k));
            }
        }
        return out;
    }

    /** True when {@code actual} already has every field of {@code desired} we own. */
    public static boolean upToDate(HasMetadata actual, HasMetadata desired) {
        return Json.contains(Json.tree(actual), fragment(desired));
    }

    /**
     * Creates {@code desired} when absent, patches our fields when they drifted, does nothing when
     * up to date. Returns the object as it now is, or empty if it is being deleted.
     */
    public <T extends HasMetadata> Optional<T> ensure(T desired, T actual) {
        if (actual == null) {
            return Optional.ofNullable(create(desired));
        }
        if (actual.getMetadata().getDeletionTimestamp() != null) {
            return Optional.empty();
        }
        ArrayNode ops = JsonPatches.toContain(Json.tree(actual), fragment(desired));
        if (ops.isEmpty()) {
            return Optional.of(actual);
        }
        return Optional.of(patch(actual, ops));
    }

    /**
     * Adopts {@code actual}, made by upstream's manager: adds {@code ownerLabels} and changes
     * nothing else (one patch, guarded by its resourceVersion). Returns the object as it now is.
     */
    public <T extends HasMetadata> T adopt(T actual, java.util.Map<String, String> ownerLabels) {
        ArrayNode ops = Adoption.patch(actual, ownerLabels);
        return ops.isEmpty() ? actual : patch(actual, ops);
    }

    /** Applies RFC 6902 {@code ops} to {@code actual}. */
    public <T extends HasMetadata> T patch(T actual, ArrayNode ops) {
        writes.count(actual.getKind(), "patch");
        return client.resource(actual).patch(context(PatchType.JSON), Json.write(ops));
    }

    /** A patch of {@code type} under our field manager. */
    static PatchContext context(PatchType type) {
        PatchContext c = PatchContext.of(type);
        c.setFieldManager(FIELD_MANAGER);
        return c;
    }

    /**
     * Deletes {@code actual} unless it is already going or we already deleted this version (stale
     * cache); 404 is success. True when this call sent the delete.
     */
    public boolean delete(HasMetadata actual) {
        if (actual == null
                || actual.getMetadata().getDeletionTimestamp() != null
                || issuedDeletes.alreadyIssued(actual)) {
            return false;
        }
        try {
            writes.count(actual.getKind(), "delete");
            client.resource(actual).delete();
            // only a delete the server answered counts as issued: one that failed (API server gone)
            // must be sent again, or the object, unchanged, is never deleted by this process
            issuedDeletes.issued(actual);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
        return true;
    }

    /** Removes finalizer {@code finalizer} from {@code actual} (optimistic lock on resourceVersion). */
    public void removeFinalizer(HasMetadata actual, String finalizer) {
        List<String> finalizers = actual.getMetadata().getFinalizers();
        if (finalizers == null || !finalizers.contains(finalizer)) {
            return;
        }
        ArrayNode ops = Json.object().arrayNode();
        ArrayNode kept = ops.arrayNode();
        finalizers.stream().filter(f -> !f.equals(finalizer)).forEach(kept::add);
        JsonPatches.add(ops, "replace", "/metadata/finalizers", kept);
        JsonPatches.testResourceVersion(ops, actual.getMetadata().getResourceVersion());
        try {
            patch(actual, ops);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }

    /**
     * Sets one annotation of {@code actual} ({@code value} null removes it), nothing else: a JSON
     * merge patch of that key alone, so no read and no version race; a deleted object is success.
     */
    public void annotate(HasMetadata actual, String key, String value) {
        java.util.Map<String, String> now = actual.getMetadata().getAnnotations();
        if (java.util.Objects.equals(now == null ? null : now.get(key), value)) {
            return;
        }
        ObjectNode patch = Json.object();
        ObjectNode annotations = patch.putObject("metadata").putObject("annotations");
        if (value == null) {
            annotations.putNull(key);
        } else {
            annotations.put(key, value);
        }
        writes.count(actual.getKind(), "patch");
        try {
            client.resource(actual).patch(context(PatchType.JSON_MERGE), Json.write(patch));
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }
}
