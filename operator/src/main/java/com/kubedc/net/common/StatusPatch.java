package com.kubedc.net.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kubedc.net.vocabulary.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * The JSON Patch of a status write: a {@code test} of the resourceVersion it was computed from,
 * then each top-level status field that differs set whole ({@code add}) or removed. No list is
 * edited by index, and a patch computed from a version that is no longer current is refused by
 * the server instead of applied to a list that has changed meanwhile. Pure.
 */
public final class StatusPatch {
    private StatusPatch() {}

    /** Ops turning {@code actual}'s status into one with {@code fields} set; empty when nothing differs. */
    public static ArrayNode ops(JsonNode actual, ObjectNode fields) {
        ArrayNode ops = Json.object().arrayNode();
        JsonNode status = actual.path("status");
        if (!status.isObject()) {
            ObjectNode whole = Json.object();
            fields.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    whole.set(e.getKey(), e.getValue());
                }
            });
            if (!whole.isEmpty()) {
                JsonPatches.add(ops, "add", "/status", whole);
            }
        } else {
            Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode have = status.get(e.getKey());
                String path = "/status/" + JsonPatches.escape(e.getKey());
                if (e.getValue().isNull()) {
                    if (have != null && !have.isNull()) {
                        ops.addObject().put("op", "remove").put("path", path);
                    }
                } else if (!e.getValue().equals(have)) {
                    JsonPatches.add(ops, "add", path, e.getValue());
                }
            }
        }
        if (!ops.isEmpty()) {
            JsonPatches.testResourceVersion(
                    ops, actual.path("metadata").path("resourceVersion").asText());
        }
        return ops;
    }

    /**
     * The fields of a status one writer owns whole ({@code owned} null: every field), from its
     * desired value: a field {@code actual} has and {@code ours} has not is removed (JSON null).
     */
    public static ObjectNode owned(JsonNode actualStatus, JsonNode ours, java.util.List<String> owned) {
        ObjectNode out = Json.object();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        if (owned != null) {
            keys.addAll(owned);
        } else {
            ours.fieldNames().forEachRemaining(keys::add);
            if (actualStatus != null && actualStatus.isObject()) {
                actualStatus.fieldNames().forEachRemaining(keys::add);
            }
        }
        for (String k : keys) {
            JsonNode v = ours.get(k);
            out.set(k, v == null || v.isMissingNode() ? Json.object().nullNode() : v);
        }
        return out;
    }
}
